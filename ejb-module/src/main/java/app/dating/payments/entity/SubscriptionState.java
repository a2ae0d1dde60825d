package app.dating.payments.entity;

/** Where a subscription is in its life (see {@link Lifecycle} for the moves between them). */
public enum SubscriptionState {
  /** Free trial: access until the trial's end. */
  TRIAL,
  /** Paid for the current period: access until its end. */
  ACTIVE,
  /** A renewal failed; access continues until the grace period ends while the provider retries. */
  IN_GRACE,
  /** Grace is over and the provider still retries: no access until a payment succeeds. */
  PAST_DUE,
  /** Cancelled by its holder: access until the paid period's end, then it expires. */
  CANCELLED_AT_PERIOD_END,
  /** Over: no access. */
  EXPIRED,
  /** The money was given back: access ends at once. */
  REFUNDED,
  /** A chargeback (dispute): access ends at once, for good. */
  REVOKED;

  /** Whether the holder has the plan's entitlements in this state (until its access end). */
  public boolean grantsAccess() {
    return this == TRIAL || this == ACTIVE || this == IN_GRACE || this == CANCELLED_AT_PERIOD_END;
  }

  /** Whether the expiry job may still move it (a time is due). */
  public boolean live() {
    return this != EXPIRED && this != REFUNDED && this != REVOKED;
  }
}
