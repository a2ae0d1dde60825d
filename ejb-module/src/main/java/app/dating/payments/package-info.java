/**
 * Premium: the catalogue (plans with prices per period and currency, consumable packs), the
 * subscriptions' lifecycle (a state machine, every transition audited and published), Stripe
 * Checkout, Customer Portal and webhooks (each event applied once, newer state wins), the
 * append-only revenue ledger, and {@code Entitlements}: the one answer to "what may this person do
 * now", derived from their subscriptions and purchases at an instant. App-store purchases (Apple,
 * Google) map onto the same model later ({@code provider}).
 */
package app.dating.payments;
