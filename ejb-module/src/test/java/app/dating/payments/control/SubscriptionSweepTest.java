package app.dating.payments.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import app.dating.payments.entity.Lifecycle.Trigger;
import app.dating.payments.entity.Provider;
import app.dating.payments.entity.Subscription;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SubscriptionSweepTest {
  static final Instant NOW = Instant.parse("2026-12-05T00:00:00Z");

  private static Subscription endingAt(Instant end) {
    return new Subscription(
        UUID.randomUUID(), "plus", 1, Provider.STRIPE, "sub", false, end, NOW, NOW);
  }

  @Test
  void whatIsDue() {
    Subscription s = endingAt(NOW.minusSeconds(1));
    assertEquals(
        Trigger.PERIOD_ENDED, SubscriptionSweep.trigger(s, NOW, NOW.minus(Duration.ofDays(14))));
    assertNull(
        SubscriptionSweep.trigger(
            endingAt(NOW.plusSeconds(1)), NOW, NOW.minus(Duration.ofDays(14))));
    s.apply(Trigger.PERIOD_ENDED, null, Duration.ofDays(3), NOW);
    assertNull(SubscriptionSweep.trigger(s, NOW, NOW), "in grace for three days");
    Instant later = NOW.plus(Duration.ofDays(3));
    assertEquals(
        Trigger.GRACE_ENDED, SubscriptionSweep.trigger(s, later, later.minus(Duration.ofDays(14))));
    s.apply(Trigger.GRACE_ENDED, null, Duration.ofDays(3), later);
    assertNull(SubscriptionSweep.trigger(s, later, later.minus(Duration.ofDays(14))), "retrying");
    Instant over = NOW.plus(Duration.ofDays(15));
    assertEquals(
        Trigger.RETRIES_EXHAUSTED,
        SubscriptionSweep.trigger(s, over, over.minus(Duration.ofDays(14))));
  }
}
