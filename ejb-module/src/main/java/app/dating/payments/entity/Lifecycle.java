package app.dating.payments.entity;

import static app.dating.payments.entity.SubscriptionState.ACTIVE;
import static app.dating.payments.entity.SubscriptionState.CANCELLED_AT_PERIOD_END;
import static app.dating.payments.entity.SubscriptionState.EXPIRED;
import static app.dating.payments.entity.SubscriptionState.IN_GRACE;
import static app.dating.payments.entity.SubscriptionState.PAST_DUE;
import static app.dating.payments.entity.SubscriptionState.REFUNDED;
import static app.dating.payments.entity.SubscriptionState.REVOKED;
import static app.dating.payments.entity.SubscriptionState.TRIAL;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The subscription lifecycle as a state machine: which trigger moves which state where. Pure (no
 * time, no storage), so every transition is tested on its own; {@code Subscription} asks it before
 * it changes. A trigger that does not apply in a state is refused ({@link Optional#empty()}): the
 * caller ignores it (a late or repeated provider message) rather than corrupting the state.
 *
 * <pre>
 * (new) --START_TRIAL--> TRIAL --PAID--> ACTIVE --PAID (renewal)--> ACTIVE
 * ACTIVE|TRIAL --PAYMENT_FAILED--> IN_GRACE --GRACE_ENDED--> PAST_DUE --RETRIES_EXHAUSTED--> EXPIRED
 * IN_GRACE|PAST_DUE --PAID--> ACTIVE
 * ACTIVE|TRIAL|IN_GRACE --CANCEL_AT_PERIOD_END--> CANCELLED_AT_PERIOD_END --RESUMED--> ACTIVE
 * CANCELLED_AT_PERIOD_END|TRIAL --PERIOD_ENDED--> EXPIRED;  ACTIVE --PERIOD_ENDED--> IN_GRACE
 * any live --ENDED (the provider ended it)--> EXPIRED
 * any but REVOKED --REFUNDED--> REFUNDED;  any but REVOKED --CHARGEBACK--> REVOKED
 * </pre>
 */
public final class Lifecycle {
  /** What can happen to a subscription. */
  public enum Trigger {
    /** A free trial began (only for a new subscription). */
    START_TRIAL,
    /** A payment succeeded: the first one, a renewal, or one after failures. */
    PAID,
    /** A renewal payment failed; the provider will retry. */
    PAYMENT_FAILED,
    /** The grace period passed without a payment. */
    GRACE_ENDED,
    /** The provider gave up retrying. */
    RETRIES_EXHAUSTED,
    /** Its holder cancelled; it runs to the end of the paid period. */
    CANCEL_AT_PERIOD_END,
    /** Its holder took the cancellation back before the period's end. */
    RESUMED,
    /** The paid (or trial) period ended without a renewal. */
    PERIOD_ENDED,
    /** The provider ended it (deleted, cancelled at once). */
    ENDED,
    /** The last payment was refunded in full. */
    REFUNDED,
    /** The last payment was disputed (chargeback). */
    CHARGEBACK
  }

  private static final Map<SubscriptionState, Map<Trigger, SubscriptionState>> MOVES =
      new EnumMap<>(SubscriptionState.class);

  static {
    for (SubscriptionState state : SubscriptionState.values()) {
      MOVES.put(state, new EnumMap<>(Trigger.class));
    }
    move(TRIAL, Trigger.PAID, ACTIVE);
    move(TRIAL, Trigger.PAYMENT_FAILED, IN_GRACE);
    move(TRIAL, Trigger.CANCEL_AT_PERIOD_END, CANCELLED_AT_PERIOD_END);
    move(TRIAL, Trigger.PERIOD_ENDED, EXPIRED);

    move(ACTIVE, Trigger.PAID, ACTIVE);
    move(ACTIVE, Trigger.PAYMENT_FAILED, IN_GRACE);
    move(ACTIVE, Trigger.CANCEL_AT_PERIOD_END, CANCELLED_AT_PERIOD_END);
    move(ACTIVE, Trigger.PERIOD_ENDED, IN_GRACE); // the renewal did not come: grace while it might

    move(IN_GRACE, Trigger.PAID, ACTIVE);
    move(IN_GRACE, Trigger.PAYMENT_FAILED, IN_GRACE);
    move(IN_GRACE, Trigger.GRACE_ENDED, PAST_DUE);
    move(IN_GRACE, Trigger.CANCEL_AT_PERIOD_END, CANCELLED_AT_PERIOD_END);

    move(PAST_DUE, Trigger.PAID, ACTIVE);
    move(PAST_DUE, Trigger.PAYMENT_FAILED, PAST_DUE);
    move(PAST_DUE, Trigger.RETRIES_EXHAUSTED, EXPIRED);

    move(CANCELLED_AT_PERIOD_END, Trigger.RESUMED, ACTIVE);
    move(CANCELLED_AT_PERIOD_END, Trigger.PERIOD_ENDED, EXPIRED);
    move(CANCELLED_AT_PERIOD_END, Trigger.PAID, CANCELLED_AT_PERIOD_END);

    for (SubscriptionState state :
        EnumSet.of(TRIAL, ACTIVE, IN_GRACE, PAST_DUE, CANCELLED_AT_PERIOD_END)) {
      move(state, Trigger.ENDED, EXPIRED);
    }
    for (SubscriptionState state : EnumSet.complementOf(EnumSet.of(REVOKED, REFUNDED))) {
      move(state, Trigger.REFUNDED, REFUNDED);
    }
    for (SubscriptionState state : EnumSet.complementOf(EnumSet.of(REVOKED))) {
      move(state, Trigger.CHARGEBACK, REVOKED);
    }
  }

  private Lifecycle() {}

  private static void move(SubscriptionState from, Trigger trigger, SubscriptionState to) {
    MOVES.get(from).put(trigger, to);
  }

  /** The state a trigger moves {@code from} to, or empty: it does not apply there. */
  public static Optional<SubscriptionState> next(SubscriptionState from, Trigger trigger) {
    return Optional.ofNullable(MOVES.get(from).get(trigger));
  }

  /** The state a new subscription starts in: TRIAL for a trial, ACTIVE for a paid one. */
  public static SubscriptionState start(boolean trial) {
    return trial ? TRIAL : ACTIVE;
  }

  /** The triggers that apply in a state (for the README's diagram and the tests). */
  public static Set<Trigger> triggers(SubscriptionState from) {
    Set<Trigger> triggers = EnumSet.noneOf(Trigger.class);
    triggers.addAll(MOVES.get(from).keySet());
    return triggers;
  }
}
