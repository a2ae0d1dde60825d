package app.dating.payments.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dating.payments.entity.Lifecycle.Trigger;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SubscriptionTest {
  static final Instant NOW = Instant.parse("2026-12-05T00:00:00Z");
  static final Duration GRACE = Duration.ofDays(3);

  private static Subscription active(Instant periodEnd) {
    return new Subscription(
        UUID.randomUUID(), "gold", 1, Provider.STRIPE, "sub_1", false, periodEnd, NOW, NOW);
  }

  @Test
  void aFailedRenewalGivesGraceFromThePeriodsEndThenNone() {
    Subscription s = active(NOW.plus(Duration.ofDays(1)));
    var change = s.apply(Trigger.PAYMENT_FAILED, null, GRACE, NOW).orElseThrow();
    assertEquals(SubscriptionState.ACTIVE, change.from());
    assertEquals(SubscriptionState.IN_GRACE, change.to());
    assertEquals(
        NOW.plus(Duration.ofDays(4)), s.accessUntil(), "grace runs from the paid period's end");
    s.apply(Trigger.GRACE_ENDED, null, GRACE, NOW.plus(Duration.ofDays(4)));
    assertEquals(SubscriptionState.PAST_DUE, s.state());
    assertNull(s.accessUntil());
    assertNull(s.graceUntil());
  }

  @Test
  void aPaymentAfterFailuresRestoresAccessToTheNewPeriod() {
    Subscription s = active(NOW);
    s.apply(Trigger.PAYMENT_FAILED, null, GRACE, NOW.plusSeconds(10));
    Instant next = NOW.plus(Duration.ofDays(30));
    s.apply(Trigger.PAID, next, GRACE, NOW.plusSeconds(20));
    assertEquals(SubscriptionState.ACTIVE, s.state());
    assertEquals(next, s.accessUntil());
  }

  @Test
  void aRefundEndsAccessAtOnce() {
    Subscription s = active(NOW.plus(Duration.ofDays(30)));
    s.apply(Trigger.REFUNDED, null, GRACE, NOW);
    assertNull(s.accessUntil());
  }

  @Test
  void aTriggerThatChangesNothingIsNoChange() {
    Subscription s = active(NOW.plus(Duration.ofDays(30)));
    assertTrue(s.apply(Trigger.PAID, NOW.plus(Duration.ofDays(30)), GRACE, NOW).isEmpty());
    assertTrue(s.apply(Trigger.RESUMED, null, GRACE, NOW).isEmpty(), "not cancelled: refused");
  }

  @Test
  void anOlderProviderStateIsNotNewer() {
    Subscription s = active(NOW);
    assertTrue(s.newerProviderState(NOW.plusSeconds(5)));
    assertEquals(false, s.newerProviderState(NOW.plusSeconds(4)));
    assertTrue(
        s.newerProviderState(NOW.plusSeconds(5)),
        "the same second: Stripe's clock has seconds only");
  }
}
