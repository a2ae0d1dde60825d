package app.dating.payments.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dating.payments.control.EntitlementDerivation.Access;
import app.dating.payments.control.EntitlementDerivation.Granted;
import app.dating.payments.entity.Entitlement;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EntitlementDerivationTest {
  static final Instant T = Instant.parse("2026-12-05T12:00:00Z");
  static final Map<String, Map<Entitlement, Integer>> GRANTS = new HashMap<>();

  static {
    Map<Entitlement, Integer> plus = new EnumMap<>(Entitlement.class);
    plus.put(Entitlement.UNLIMITED_LIKES, null);
    plus.put(Entitlement.REWIND, null);
    Map<Entitlement, Integer> gold = new EnumMap<>(plus);
    gold.put(Entitlement.SEE_LIKES, null);
    gold.put(Entitlement.MORE_SUPERLIKES, 5);
    Map<Entitlement, Integer> platinum = new EnumMap<>(gold);
    platinum.put(Entitlement.MORE_SUPERLIKES, 10);
    GRANTS.put("plus", plus);
    GRANTS.put("gold", gold);
    GRANTS.put("platinum", platinum);
  }

  @Test
  void aPlanWithAccessGrantsItsEntitlementsUntilItsEnd() {
    List<Granted> held =
        EntitlementDerivation.at(List.of(new Access("gold", T.plusSeconds(60))), GRANTS, T);
    assertEquals(4, held.size());
    assertTrue(held.contains(new Granted(Entitlement.MORE_SUPERLIKES, 5, T.plusSeconds(60))));
  }

  @Test
  void theInstantDecides() {
    List<Access> access = List.of(new Access("gold", T));
    assertEquals(
        4,
        EntitlementDerivation.at(access, GRANTS, T.minusSeconds(1)).size(),
        "a second before its end");
    assertEquals(0, EntitlementDerivation.at(access, GRANTS, T).size(), "at its end: over");
    assertEquals(
        0,
        EntitlementDerivation.at(List.of(new Access("gold", null)), GRANTS, T).size(),
        "no access");
  }

  @Test
  void overlappingPlansGiveTheLargestCountAndTheLatestEnd() {
    List<Granted> held =
        EntitlementDerivation.at(
            List.of(
                new Access("platinum", T.plusSeconds(10)), new Access("plus", T.plusSeconds(100))),
            GRANTS,
            T);
    assertTrue(held.contains(new Granted(Entitlement.MORE_SUPERLIKES, 10, T.plusSeconds(10))));
    assertTrue(held.contains(new Granted(Entitlement.UNLIMITED_LIKES, null, T.plusSeconds(100))));
    assertEquals(
        List.of(),
        EntitlementDerivation.at(List.of(new Access("retired", T.plusSeconds(5))), GRANTS, T),
        "a plan without grants");
  }
}
