package app.dating.payments.boundary;

import app.dating.identity.boundary.Caller;
import app.dating.payments.control.StripeEvents;
import app.dating.payments.control.StripeEvents.Verified;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * Payment providers' webhooks: the signature is their only credential. A delivery is verified, then
 * applied once in one transaction (the event's id, the changes, the ledger rows, the audit and the
 * domain events commit together or not at all).
 */
@Stateless
public class PaymentWebhooks {
  @Inject StripeEvents stripe;

  /** What became of a delivery: the event's id, and whether it was applied now. */
  public record Receipt(String eventId, String type, boolean applied) {}

  /** A Stripe delivery: its raw body and its {@code Stripe-Signature} header. */
  public Receipt stripe(String payload, String signature, Caller caller) {
    Verified event = stripe.verify(payload, signature);
    return new Receipt(event.id(), event.type(), stripe.apply(event, caller));
  }
}
