package app.dating.payments.control;

import app.dating.identity.boundary.AccountDeleted;
import app.dating.identity.boundary.AccountErased;
import app.dating.identity.boundary.PersonalDataExport;
import app.dating.payments.boundary.Entitlements;
import app.dating.payments.entity.Provider;
import app.dating.payments.entity.Purchase;
import app.dating.payments.entity.Subscription;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Premium in a person's data export (their subscriptions with every change, their packs, the
 * payments booked for them) and at the end of an account: a deleted account's live Stripe
 * subscriptions are cancelled at Stripe (no further charge); at erasure subscriptions, their
 * history, packs and the customer link go. The revenue ledger stays: bookkeeping records (amount,
 * currency, provider ids, plan) are kept ten years under commercial and tax law (HGB §257, AO
 * §147), under the account id alone, which then names nobody.
 */
@ApplicationScoped
public class PaymentsPrivacy {
  @PersistenceContext EntityManager em;
  @Inject StripeGateway stripe;
  @Inject Entitlements entitlements;

  public record SubscriptionHeld(
      UUID id,
      String plan,
      int months,
      String provider,
      String state,
      Instant periodEnd,
      Instant since) {}

  public record SubscriptionChangeMade(
      UUID subscription,
      String plan,
      String from,
      String to,
      String cause,
      Instant accessUntil,
      Instant at) {}

  public record PackBought(
      UUID id,
      String product,
      int quantity,
      String state,
      long amountMinor,
      String currency,
      Instant at) {}

  public record PaymentBooked(
      String kind,
      long amountMinor,
      String currency,
      String provider,
      String plan,
      String product,
      Instant at) {}

  void export(@Observes PersonalDataExport export) {
    UUID me = export.accountId();
    export.section(
        "subscriptions",
        em
            .createNamedQuery(Subscription.OF_ACCOUNT, Subscription.class)
            .setParameter("account", me)
            .getResultList()
            .stream()
            .map(
                s ->
                    new SubscriptionHeld(
                        s.id(),
                        s.planId(),
                        s.months(),
                        s.provider().name(),
                        s.state().name(),
                        s.periodEnd(),
                        s.createdAt()))
            .toList());
    export.section(
        "subscriptionChanges",
        rows(
                "select subscription_id, plan_id, from_state, to_state, cause, access_until, at from subscription_change"
                    + " where account_id = ?1 order by at, id",
                me)
            .stream()
            .map(
                r ->
                    new SubscriptionChangeMade(
                        (UUID) r[0],
                        (String) r[1],
                        (String) r[2],
                        (String) r[3],
                        (String) r[4],
                        instant(r[5]),
                        instant(r[6])))
            .toList());
    export.section(
        "packs",
        em
            .createNamedQuery(Purchase.OF_ACCOUNT, Purchase.class)
            .setParameter("account", me)
            .getResultList()
            .stream()
            .map(
                p ->
                    new PackBought(
                        p.id(),
                        p.productId(),
                        p.quantity(),
                        p.state().name(),
                        p.amountMinor(),
                        p.currency().trim(),
                        p.createdAt()))
            .toList());
    export.section(
        "payments",
        rows(
                "select kind, amount_minor, currency, provider, plan_id, product_id, at from revenue_entry where account_id = ?1 order by id",
                me)
            .stream()
            .map(
                r ->
                    new PaymentBooked(
                        (String) r[0],
                        ((Number) r[1]).longValue(),
                        ((String) r[2]).trim(),
                        (String) r[3],
                        (String) r[4],
                        (String) r[5],
                        instant(r[6])))
            .toList());
  }

  void accountDeleted(@Observes AccountDeleted deleted) {
    em.createNamedQuery(Subscription.OF_ACCOUNT, Subscription.class)
        .setParameter("account", deleted.accountId())
        .getResultStream()
        .filter(s -> s.provider() == Provider.STRIPE && s.state().live())
        .forEach(s -> stripe.cancelNow(s.providerRef()));
  }

  void accountErased(@Observes AccountErased erased) {
    for (String sql :
        new String[] {
          "delete from subscription_change where account_id = ?1",
          "delete from subscription where account_id = ?1",
          "delete from purchase where account_id = ?1",
          "delete from payment_customer where account_id = ?1"
        }) {
      em.createNativeQuery(sql).setParameter(1, erased.accountId()).executeUpdate();
    }
    entitlements.forget(erased.accountId());
  }

  private List<Object[]> rows(String sql, UUID account) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em.createNativeQuery(sql).setParameter(1, account).getResultList();
    return rows;
  }

  private static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Instant i) {
      return i;
    }
    if (value instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    return ((java.sql.Timestamp) value).toInstant();
  }
}
