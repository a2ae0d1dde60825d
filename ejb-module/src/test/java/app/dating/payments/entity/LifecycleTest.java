package app.dating.payments.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dating.payments.entity.Lifecycle.Trigger;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class LifecycleTest {

  @ParameterizedTest(name = "{0} --{1}--> {2}")
  @CsvSource({
    "TRIAL, PAID, ACTIVE",
    "TRIAL, PAYMENT_FAILED, IN_GRACE",
    "TRIAL, CANCEL_AT_PERIOD_END, CANCELLED_AT_PERIOD_END",
    "TRIAL, PERIOD_ENDED, EXPIRED",
    "ACTIVE, PAID, ACTIVE",
    "ACTIVE, PAYMENT_FAILED, IN_GRACE",
    "ACTIVE, CANCEL_AT_PERIOD_END, CANCELLED_AT_PERIOD_END",
    "ACTIVE, PERIOD_ENDED, IN_GRACE",
    "ACTIVE, ENDED, EXPIRED",
    "ACTIVE, REFUNDED, REFUNDED",
    "ACTIVE, CHARGEBACK, REVOKED",
    "IN_GRACE, PAID, ACTIVE",
    "IN_GRACE, GRACE_ENDED, PAST_DUE",
    "IN_GRACE, ENDED, EXPIRED",
    "PAST_DUE, PAID, ACTIVE",
    "PAST_DUE, RETRIES_EXHAUSTED, EXPIRED",
    "PAST_DUE, ENDED, EXPIRED",
    "CANCELLED_AT_PERIOD_END, RESUMED, ACTIVE",
    "CANCELLED_AT_PERIOD_END, PERIOD_ENDED, EXPIRED",
    "EXPIRED, REFUNDED, REFUNDED",
    "EXPIRED, CHARGEBACK, REVOKED",
    "REFUNDED, CHARGEBACK, REVOKED"
  })
  void moves(SubscriptionState from, Trigger trigger, SubscriptionState to) {
    assertEquals(Optional.of(to), Lifecycle.next(from, trigger));
  }

  @ParameterizedTest(name = "{0} refuses {1}")
  @CsvSource({
    "EXPIRED, PAID",
    "EXPIRED, RESUMED",
    "REFUNDED, PAID",
    "REFUNDED, REFUNDED",
    "ACTIVE, RESUMED",
    "ACTIVE, GRACE_ENDED",
    "PAST_DUE, CANCEL_AT_PERIOD_END",
    "CANCELLED_AT_PERIOD_END, PAYMENT_FAILED",
    "TRIAL, START_TRIAL"
  })
  void refuses(SubscriptionState from, Trigger trigger) {
    assertEquals(Optional.empty(), Lifecycle.next(from, trigger));
  }

  @ParameterizedTest
  @EnumSource(Trigger.class)
  void aRevokedSubscriptionStaysRevoked(Trigger trigger) {
    assertEquals(Optional.empty(), Lifecycle.next(SubscriptionState.REVOKED, trigger));
  }

  @Test
  void onlyTheLiveStatesWithPaidTimeGiveAccess() {
    EnumSet<SubscriptionState> access = EnumSet.noneOf(SubscriptionState.class);
    for (SubscriptionState state : SubscriptionState.values()) {
      if (state.grantsAccess()) {
        access.add(state);
      }
    }
    assertEquals(
        EnumSet.of(
            SubscriptionState.TRIAL,
            SubscriptionState.ACTIVE,
            SubscriptionState.IN_GRACE,
            SubscriptionState.CANCELLED_AT_PERIOD_END),
        access);
    assertFalse(SubscriptionState.PAST_DUE.grantsAccess());
    assertTrue(SubscriptionState.PAST_DUE.live());
    assertFalse(SubscriptionState.REVOKED.live());
  }

  @Test
  void aNewSubscriptionStartsAsATrialOrPaid() {
    assertEquals(SubscriptionState.TRIAL, Lifecycle.start(true));
    assertEquals(SubscriptionState.ACTIVE, Lifecycle.start(false));
  }
}
