package app.dating.payments.entity;

/** Who took the money: Stripe now; the app stores map onto the same subscriptions later. */
public enum Provider {
  STRIPE,
  APPLE,
  GOOGLE
}
