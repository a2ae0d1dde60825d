package app.dating.payments.control;

import app.dating.payments.entity.Provider;
import app.dating.shared.json.JsonP;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The revenue ledger ({@code revenue_entry}, V39): one appended row per money movement, never
 * changed (the database refuses updates and deletes, and the application's role may only insert and
 * read). Refunds and disputes are negative amounts. The same movement twice (one key: provider,
 * kind, provider's id) is one row.
 */
@ApplicationScoped
public class Ledger {
  @PersistenceContext EntityManager em;
  @Inject Clock clock;

  /** A ledger row's kind. */
  public enum Kind {
    CHARGE,
    RENEWAL,
    REFUND,
    DISPUTE
  }

  /** A money movement to append. */
  public record Entry(
      Kind kind,
      UUID account,
      long amountMinor,
      String currency,
      Provider provider,
      String providerRef,
      String providerPayment,
      String providerEventId,
      String planId,
      Integer months,
      String productId,
      UUID subscriptionId,
      UUID purchaseId) {}

  /** What an earlier charge was for (to refund or dispute it). */
  public record Charged(
      UUID account,
      String planId,
      String productId,
      UUID subscriptionId,
      UUID purchaseId,
      String currency) {}

  /** Appends an entry; false when the same movement is there already. */
  public boolean append(Entry e) {
    JsonObjectBuilder row =
        JsonP.object()
            .add("kind", e.kind().name())
            .add("account", e.account().toString())
            .add("amount", e.amountMinor())
            .add("currency", e.currency())
            .add("provider", e.provider().name())
            .add("ref", e.providerRef())
            .add("event", e.providerEventId());
    optional(row, "payment", e.providerPayment());
    optional(row, "plan", e.planId());
    optional(row, "months", e.months() == null ? null : e.months().toString());
    optional(row, "product", e.productId());
    optional(
        row, "subscription", e.subscriptionId() == null ? null : e.subscriptionId().toString());
    optional(row, "purchase", e.purchaseId() == null ? null : e.purchaseId().toString());
    return em.createNativeQuery(
                "insert into revenue_entry (at, kind, account_id, amount_minor, currency, provider, provider_ref,"
                    + " provider_payment, provider_event_id, plan_id, months, product_id, subscription_id, purchase_id)"
                    + " select ?2, r.kind, r.account, r.amount, r.currency, r.provider, r.ref, r.payment, r.event,"
                    + " r.plan, r.months, r.product, r.subscription, r.purchase"
                    + " from json_to_record(cast(?1 as json)) as r(kind varchar, account uuid, amount bigint, currency varchar,"
                    + " provider varchar, ref varchar, payment varchar, event varchar, plan varchar, months int,"
                    + " product varchar, subscription uuid, purchase uuid)"
                    + " on conflict (provider, kind, provider_ref) do nothing")
            .setParameter(1, row.build().toString())
            .setParameter(2, clock.instant())
            .executeUpdate()
        == 1;
  }

  private static void optional(JsonObjectBuilder row, String name, String value) {
    if (value != null) {
      row.add(name, value);
    }
  }

  /**
   * The charge (first or renewal) made with {@code charge} or {@code intent} (either may be empty).
   */
  public Optional<Charged> charged(Provider provider, String charge, String intent) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select account_id, plan_id, product_id, subscription_id, purchase_id, currency from revenue_entry"
                    + " where provider = ?1 and provider_payment in (?2, ?3) and kind in ('CHARGE', 'RENEWAL')"
                    + " order by id desc limit 1")
            .setParameter(1, provider.name())
            .setParameter(2, charge == null ? "" : charge)
            .setParameter(3, intent == null ? "" : intent)
            .getResultList();
    return rows.stream()
        .findFirst()
        .map(
            r ->
                new Charged(
                    (UUID) r[0],
                    (String) r[1],
                    (String) r[2],
                    (UUID) r[3],
                    (UUID) r[4],
                    ((String) r[5]).trim()));
  }

  /** The sum of refunds (negative) booked on a payment so far. */
  public long refunded(Provider provider, String charge, String intent) {
    Number sum =
        (Number)
            em.createNativeQuery(
                    "select coalesce(sum(amount_minor), 0) from revenue_entry where provider = ?1"
                        + " and provider_payment in (?2, ?3) and kind = 'REFUND'")
                .setParameter(1, provider.name())
                .setParameter(2, charge == null ? "" : charge)
                .setParameter(3, intent == null ? "" : intent)
                .getSingleResult();
    return sum.longValue();
  }
}
