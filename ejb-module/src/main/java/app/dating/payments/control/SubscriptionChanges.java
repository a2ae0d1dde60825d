package app.dating.payments.control;

import app.dating.events.boundary.DomainEvent;
import app.dating.events.boundary.Events;
import app.dating.identity.boundary.Caller;
import app.dating.identity.control.AuditLog;
import app.dating.identity.entity.AuditEvent.Action;
import app.dating.payments.boundary.Entitlements;
import app.dating.payments.entity.Purchase;
import app.dating.payments.entity.Subscription;
import app.dating.payments.entity.Subscription.Change;
import app.dating.shared.json.JsonP;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;

/**
 * Records what a subscription's or purchase's change means, in the transaction that made it: the
 * history row ({@code subscription_change}), the audit row, the domain event through the outbox,
 * and the entitlements derived again.
 */
@ApplicationScoped
public class SubscriptionChanges {
  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject AuditLog audit;
  @Inject Events events;
  @Inject Entitlements entitlements;

  /**
   * Records a change of {@code subscription} made because of {@code cause} (an event id, a job).
   */
  public void record(Subscription subscription, Change change, String cause, Caller caller) {
    Instant now = clock.instant();
    em.flush();
    JsonObjectBuilder row =
        JsonP.object()
            .add("subscription", subscription.id().toString())
            .add("account", subscription.accountId().toString())
            .add("plan", subscription.planId())
            .add("to_state", change.to().name())
            .add("cause", change.trigger().name());
    if (change.from() != null) {
      row.add("from_state", change.from().name());
    }
    if (change.accessUntil() != null) {
      row.add("until", change.accessUntil().toString());
    }
    em.createNativeQuery(
            "insert into subscription_change (subscription_id, account_id, plan_id, from_state, to_state, cause,"
                + " access_until, at) select r.subscription, r.account, r.plan, r.from_state, r.to_state, r.cause, r.until, ?2"
                + " from json_to_record(cast(?1 as json)) as r(subscription uuid, account uuid, plan varchar,"
                + " from_state varchar, to_state varchar, cause varchar, until timestamptz)")
        .setParameter(1, row.build().toString())
        .setParameter(2, now)
        .executeUpdate();
    String detail =
        subscription.provider()
            + " "
            + subscription.providerRef()
            + " "
            + subscription.planId()
            + " "
            + (change.from() == null ? "new" : change.from().name())
            + "->"
            + change.to()
            + " ("
            + change.trigger()
            + ", "
            + cause
            + ")";
    audit.recordAsPartOf(Action.SUBSCRIPTION_CHANGE, subscription.accountId(), caller, detail);
    JsonObjectBuilder payload =
        JsonP.object()
            .add("subscription", subscription.id().toString())
            .add("account", subscription.accountId().toString())
            .add("plan", subscription.planId())
            .add("provider", subscription.provider().name())
            .add("to", change.to().name())
            .add("trigger", change.trigger().name());
    if (change.from() != null) {
      payload.add("from", change.from().name());
    }
    if (change.accessUntil() != null) {
      payload.add("accessUntil", change.accessUntil().toString());
    }
    events.publish(DomainEvent.SUBSCRIPTION_CHANGED, payload.build());
    entitlements.recompute(subscription.accountId());
  }

  /** Records that a purchase was paid, refunded or revoked. */
  public void record(Purchase purchase, String cause, Caller caller) {
    audit.recordAsPartOf(
        Action.PURCHASE_CHANGE,
        purchase.accountId(),
        caller,
        purchase.provider()
            + " "
            + purchase.providerRef()
            + " "
            + purchase.productId()
            + " "
            + purchase.state()
            + " ("
            + cause
            + ")");
    events.publish(
        DomainEvent.PURCHASE_CHANGED,
        JsonP.object()
            .add("purchase", purchase.id().toString())
            .add("account", purchase.accountId().toString())
            .add("product", purchase.productId())
            .add("state", purchase.state().name())
            .build());
    entitlements.forget(purchase.accountId());
  }
}
