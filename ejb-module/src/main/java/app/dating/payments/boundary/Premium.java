package app.dating.payments.boundary;

import app.dating.identity.boundary.Caller;
import app.dating.identity.control.AuditLog;
import app.dating.identity.entity.AuditEvent.Action;
import app.dating.payments.control.Catalogue;
import app.dating.payments.control.Catalogue.Offer;
import app.dating.payments.control.Prices;
import app.dating.payments.control.StripeGateway;
import app.dating.payments.entity.Purchase;
import app.dating.payments.entity.Subscription;
import app.dating.shared.problem.BusinessException;
import app.dating.shared.problem.ProblemType;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Premium for the apps: the catalogue in the caller's language and currency, a checkout of a plan
 * or pack (at Stripe; the price from the catalogue, never from the client), the Customer Portal,
 * and a person's subscriptions and packs.
 */
@Stateless
public class Premium {
  @PersistenceContext EntityManager em;
  @Inject Catalogue catalogue;
  @Inject StripeGateway stripe;
  @Inject AuditLog audit;

  /** The catalogue for a caller asking for {@code currency} (may be null) with these languages. */
  public CatalogueView catalogue(String currency, List<Locale> languages) {
    return catalogue.view(Prices.currency(currency, languages), Prices.language(languages));
  }

  /** Starts a checkout of a plan (with months) or a pack; where to send the person to pay. */
  public CheckoutView checkout(
      UUID account, CheckoutRequest request, List<Locale> languages, Caller caller) {
    boolean plan = request.planId() != null;
    if (plan == (request.productId() != null)) {
      throw new BusinessException(
          ProblemType.VALIDATION, "Name either a planId (with months) or a productId.");
    }
    String currency = Prices.currency(request.currency(), languages);
    String language = Prices.language(languages);
    Offer offer;
    if (plan) {
      if (request.months() == null
          || !(request.months() == 1 || request.months() == 6 || request.months() == 12)) {
        throw new BusinessException(ProblemType.VALIDATION, "months must be 1, 6 or 12.");
      }
      offer =
          catalogue
              .plan(request.planId(), request.months(), currency, language)
              .orElseThrow(() -> BusinessException.notFound("Plan"));
      boolean subscribed =
          em.createNamedQuery(Subscription.OF_ACCOUNT, Subscription.class)
              .setParameter("account", account)
              .getResultStream()
              .anyMatch(s -> s.state().grantsAccess());
      if (subscribed) {
        throw BusinessException.conflict(
            "You have a subscription already: change or cancel it in the portal.");
      }
    } else {
      offer =
          catalogue
              .product(request.productId(), currency, language)
              .orElseThrow(() -> BusinessException.notFound("Pack"));
    }
    CheckoutView checkout = stripe.checkout(account, offer, customer(account).orElse(null));
    audit.record(
        Action.CHECKOUT,
        true,
        account,
        null,
        caller,
        "STRIPE "
            + checkout.sessionId()
            + " "
            + offer.id()
            + (plan ? " " + offer.months() + "m" : "")
            + " "
            + offer.price().amountMinor()
            + " "
            + offer.price().currency());
    return checkout;
  }

  /** A Customer Portal link (cancel, change card, upgrade) for someone who has paid before. */
  public PortalView portal(UUID account) {
    String customer =
        customer(account).orElseThrow(() -> BusinessException.notFound("A payment account"));
    return new PortalView(stripe.portal(customer));
  }

  /** The caller's subscriptions (the live one first) and packs. */
  public SubscriptionView subscription(UUID account) {
    List<SubscriptionView.Current> all =
        em
            .createNamedQuery(Subscription.OF_ACCOUNT, Subscription.class)
            .setParameter("account", account)
            .getResultList()
            .stream()
            .map(Premium::view)
            .toList();
    SubscriptionView.Current current =
        all.stream().filter(s -> s.accessUntil() != null).findFirst().orElse(null);
    List<SubscriptionView.PackView> packs =
        em
            .createNamedQuery(Purchase.OF_ACCOUNT, Purchase.class)
            .setParameter("account", account)
            .getResultList()
            .stream()
            .map(
                p ->
                    new SubscriptionView.PackView(
                        p.id().toString(),
                        p.productId(),
                        p.kind(),
                        p.quantity(),
                        p.state().name(),
                        p.amountMinor(),
                        p.currency().trim(),
                        p.createdAt()))
            .toList();
    return new SubscriptionView(current, all, packs);
  }

  static SubscriptionView.Current view(Subscription s) {
    return new SubscriptionView.Current(
        s.id().toString(),
        s.planId(),
        s.months(),
        s.provider().name(),
        s.state().name(),
        s.periodEnd(),
        s.graceUntil(),
        s.accessUntil(),
        s.createdAt());
  }

  private Optional<String> customer(UUID account) {
    @SuppressWarnings("unchecked")
    List<String> refs =
        em.createNativeQuery(
                "select customer_ref from payment_customer where account_id = ?1 and provider = 'STRIPE'")
            .setParameter(1, account)
            .getResultList();
    return refs.stream().findFirst();
  }
}
