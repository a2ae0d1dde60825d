package app.dating.payments.boundary;

import java.time.Instant;
import java.util.List;

/**
 * A person's subscriptions and packs: the current subscription (absent when none is live), every
 * subscription they had, newest first, and their packs.
 */
public record SubscriptionView(Current current, List<Current> history, List<PackView> packs) {

  /**
   * One subscription: plan, period in months, provider, state (TRIAL, ACTIVE, IN_GRACE, PAST_DUE,
   * CANCELLED_AT_PERIOD_END, EXPIRED, REFUNDED, REVOKED), the paid period's end, the grace end (in
   * grace), and until when it gives access (absent: no access).
   */
  public record Current(
      String id,
      String planId,
      int months,
      String provider,
      String state,
      Instant periodEnd,
      Instant graceUntil,
      Instant accessUntil,
      Instant since) {}

  /** A pack bought: PAID, REFUNDED or REVOKED. */
  public record PackView(
      String id,
      String productId,
      String kind,
      int quantity,
      String state,
      long amountMinor,
      String currency,
      Instant boughtAt) {}
}
