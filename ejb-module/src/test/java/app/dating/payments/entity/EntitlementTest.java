package app.dating.payments.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dating.payments.entity.Entitlement.Held;
import org.junit.jupiter.api.Test;

class EntitlementTest {
  @Test
  void theSwipesListReadsNamesAndCounts() {
    Held held = Entitlement.parse("UNLIMITED_LIKES,MORE_SUPERLIKES:10,SOMETHING_NEWER");
    assertTrue(held.contains(Entitlement.UNLIMITED_LIKES));
    assertEquals(10, held.amount(Entitlement.MORE_SUPERLIKES, 5));
    assertEquals(5, held.amount(Entitlement.BOOSTS, 5), "not held: the default");
    assertEquals(2, held.names().size(), "an unknown name is skipped");
  }

  @Test
  void nothingIsNothing() {
    assertFalse(Entitlement.parse(null).contains(Entitlement.SEE_LIKES));
    assertTrue(Entitlement.parse("").names().isEmpty());
    assertEquals(
        5,
        Entitlement.parse("MORE_SUPERLIKES").amount(Entitlement.MORE_SUPERLIKES, 5),
        "no count: the default");
  }
}
