package app.dating.payments.control;

import app.dating.identity.boundary.Caller;
import app.dating.payments.control.Ledger.Charged;
import app.dating.payments.control.Ledger.Entry;
import app.dating.payments.control.Ledger.Kind;
import app.dating.payments.control.Subscriptions.Locked;
import app.dating.payments.entity.Lifecycle.Trigger;
import app.dating.payments.entity.Provider;
import app.dating.payments.entity.Purchase;
import app.dating.payments.entity.Subscription;
import app.dating.payments.entity.Subscription.Change;
import app.dating.payments.entity.SubscriptionState;
import app.dating.shared.config.ConfigKeys;
import app.dating.shared.json.JsonP;
import app.dating.shared.problem.BusinessException;
import app.dating.shared.problem.ProblemType;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Stripe's webhook events: verified with Stripe's own scheme ({@code Webhook.constructEvent}: an
 * HMAC-SHA256 of the timestamp and body, with a timestamp tolerance), applied once by event id (a
 * row in {@code payment_event}, claimed in the applying transaction), and tolerant of order: an
 * event about a subscription changes it only when it is newer than what was applied (Stripe's
 * {@code created}, or a later paid period). The body is read with JSON-P for the few fields used,
 * so the shape of a newer Stripe API version (the subscription of an invoice under {@code
 * parent.subscription_details}, periods on subscription items) is read as well as the older one.
 */
@ApplicationScoped
public class StripeEvents {
  private static final Logger LOG = Logger.getLogger(StripeEvents.class.getName());

  /** The event types applied; others are acknowledged and not stored. */
  public static final Set<String> HANDLED =
      Set.of(
          "checkout.session.completed",
          "invoice.paid",
          "invoice.payment_failed",
          "customer.subscription.created",
          "customer.subscription.updated",
          "customer.subscription.deleted",
          "charge.refunded",
          "charge.dispute.created");

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject Catalogue catalogue;
  @Inject Ledger ledger;
  @Inject Subscriptions subscriptions;
  @Inject SubscriptionChanges changes;

  @Inject
  @ConfigProperty(name = ConfigKeys.STRIPE_WEBHOOK_SECRET)
  Optional<String> secret;

  @Inject
  @ConfigProperty(name = ConfigKeys.STRIPE_WEBHOOK_TOLERANCE, defaultValue = "PT5M")
  Duration tolerance;

  @Inject
  @ConfigProperty(name = "payments.grace-period", defaultValue = "P3D")
  Duration grace;

  /** A verified event: its id, type, Stripe's time of it, and its {@code data.object}. */
  public record Verified(String id, String type, Instant created, JsonObject object) {}

  /**
   * Verifies a delivery's signature and reads it; a bad signature, an old timestamp or a body that
   * is not an event is a 400 problem.
   */
  public Verified verify(String payload, String signature) {
    String key =
        secret
            .filter(s -> !s.isBlank())
            .orElseThrow(
                () ->
                    new BusinessException(
                        ProblemType.UNAVAILABLE,
                        "Stripe webhooks are not configured on this platform."));
    if (signature == null || signature.isBlank()) {
      throw new BusinessException(
          ProblemType.BAD_SIGNATURE, "The Stripe-Signature header is missing.");
    }
    Event event;
    try {
      event = Webhook.constructEvent(payload, signature, key, tolerance.toSeconds(), clock);
    } catch (SignatureVerificationException e) {
      throw new BusinessException(
          ProblemType.BAD_SIGNATURE, "The Stripe signature does not verify: " + e.getMessage());
    } catch (RuntimeException e) { // gson's, for a body that is not JSON
      throw malformed("The body is not a Stripe event.");
    }
    try {
      JsonObject body = JsonP.readObject(payload);
      JsonObject data = body.getJsonObject("data");
      if (event.getId() == null
          || event.getType() == null
          || event.getCreated() == null
          || data == null) {
        throw malformed("The event has no id, type, created or data.");
      }
      return new Verified(
          event.getId(),
          event.getType(),
          Instant.ofEpochSecond(event.getCreated()),
          data.getJsonObject("object"));
    } catch (JsonException | ClassCastException e) {
      throw malformed("The body is not a Stripe event.");
    }
  }

  /**
   * Applies a verified event once: true when it was applied now, false when it was applied before
   * (a duplicate delivery) or is not a type this platform uses.
   */
  public boolean apply(Verified event, Caller caller) {
    if (!HANDLED.contains(event.type())) {
      return false;
    }
    if (event.object() == null) {
      throw malformed("The event has no data.object.");
    }
    int claimed =
        em.createNativeQuery(
                "insert into payment_event (provider, event_id, type, created_at, received_at) values ('STRIPE', ?1, ?2, ?3, ?4)"
                    + " on conflict do nothing")
            .setParameter(1, event.id())
            .setParameter(2, event.type())
            .setParameter(3, event.created())
            .setParameter(4, clock.instant())
            .executeUpdate();
    if (claimed == 0) {
      return false;
    }
    JsonObject o = event.object();
    try {
      switch (event.type()) {
        case "checkout.session.completed" -> checkoutCompleted(o, event, caller);
        case "invoice.paid" -> invoicePaid(o, event, caller);
        case "invoice.payment_failed" -> invoiceFailed(o, event, caller);
        case "customer.subscription.created", "customer.subscription.updated" ->
            subscriptionChanged(o, event, false, caller);
        case "customer.subscription.deleted" -> subscriptionChanged(o, event, true, caller);
        case "charge.refunded" -> chargeRefunded(o, event, caller);
        case "charge.dispute.created" -> disputeCreated(o, event, caller);
        default -> throw new IllegalStateException(event.type());
      }
    } catch (ClassCastException
        | NullPointerException
        | IllegalArgumentException
        | ArithmeticException e) {
      throw malformed(
          "The "
              + event.type()
              + " event lacks a field this platform needs or has one of the wrong type.");
    }
    return true;
  }

  private void checkoutCompleted(JsonObject o, Verified event, Caller caller) {
    JsonObject meta = object(o, "metadata");
    UUID account =
        account(
            Optional.ofNullable(text(o, "client_reference_id"))
                .orElse(text(meta, StripeGateway.ACCOUNT)));
    if (account == null) {
      return;
    }
    String customer = text(o, "customer");
    if (customer != null) {
      em.createNativeQuery(
              "insert into payment_customer (account_id, provider, customer_ref, created_at) values (?1, 'STRIPE', ?2, ?3)"
                  + " on conflict do nothing")
          .setParameter(1, account)
          .setParameter(2, customer)
          .setParameter(3, clock.instant())
          .executeUpdate();
    }
    String mode = required(o, "mode");
    if (mode.equals("subscription")) {
      String plan = required(meta, StripeGateway.PLAN);
      int months = Integer.parseInt(required(meta, StripeGateway.MONTHS));
      requirePlan(plan, months);
      // Provisional period until the first invoice (usually delivered alongside) says the exact
      // one.
      Instant periodEnd =
          event.created().atZone(java.time.ZoneOffset.UTC).plusMonths(months).toInstant();
      Optional<Locked> locked =
          subscriptions.lockOrCreate(
              Provider.STRIPE,
              required(o, "subscription"),
              () ->
                  new Subscription(
                      account,
                      plan,
                      months,
                      Provider.STRIPE,
                      required(o, "subscription"),
                      false,
                      periodEnd,
                      event.created(),
                      clock.instant()));
      locked
          .filter(Locked::created)
          .ifPresent(
              l ->
                  changes.record(l.subscription(), l.subscription().started(), event.id(), caller));
    } else if (mode.equals("payment")) {
      if (!"paid".equals(text(o, "payment_status"))) {
        return;
      }
      String productId = required(meta, StripeGateway.PRODUCT);
      @SuppressWarnings("unchecked")
      var product =
          (java.util.List<Object[]>)
              em.createNativeQuery("select kind, quantity from product where id = ?1")
                  .setParameter(1, productId)
                  .getResultList();
      if (product.isEmpty()) {
        throw malformed("The checkout names a pack this platform does not sell.");
      }
      String sessionId = required(o, "id");
      long amount = number(o, "amount_total");
      String currency = required(o, "currency").toUpperCase(Locale.ROOT);
      Purchase purchase =
          new Purchase(
              account,
              productId,
              (String) product.get(0)[0],
              ((Number) product.get(0)[1]).intValue(),
              Provider.STRIPE,
              sessionId,
              amount,
              currency,
              clock.instant());
      em.persist(purchase);
      ledger.append(
          new Entry(
              Kind.CHARGE,
              account,
              amount,
              currency,
              Provider.STRIPE,
              sessionId,
              text(o, "payment_intent"),
              event.id(),
              null,
              null,
              productId,
              null,
              purchase.id()));
      changes.record(purchase, event.id(), caller);
    }
  }

  private void invoicePaid(JsonObject o, Verified event, Caller caller) {
    String ref = invoiceSubscription(o);
    if (ref == null) {
      return; // an invoice of no subscription: not ours
    }
    long amount = number(o, "amount_paid");
    String currency = required(o, "currency").toUpperCase(Locale.ROOT);
    String invoice = required(o, "id");
    Instant periodEnd = invoicePeriodEnd(o);
    JsonObject meta = invoiceMetadata(o);
    Optional<Locked> found =
        subscriptions.lockOrCreate(
            Provider.STRIPE, ref, () -> fromMetadata(meta, ref, false, periodEnd, event.created()));
    if (found.isEmpty()) {
      LOG.warning(
          () -> "invoice.paid " + event.id() + " for a subscription of no known account: " + ref);
      return;
    }
    Subscription subscription = found.get().subscription();
    if (found.get().created()) {
      changes.record(subscription, subscription.started(), event.id(), caller);
    } else if (fresh(subscription, event.created(), periodEnd)) {
      apply(subscription, Trigger.PAID, periodEnd, event, caller);
    }
    if (amount > 0) {
      String charge = text(o, "charge");
      ledger.append(
          new Entry(
              "subscription_create".equals(text(o, "billing_reason")) ? Kind.CHARGE : Kind.RENEWAL,
              subscription.accountId(),
              amount,
              currency,
              Provider.STRIPE,
              invoice,
              charge != null ? charge : text(o, "payment_intent"),
              event.id(),
              subscription.planId(),
              subscription.months(),
              null,
              subscription.id(),
              null));
    }
  }

  private void invoiceFailed(JsonObject o, Verified event, Caller caller) {
    String ref = invoiceSubscription(o);
    if (ref == null) {
      return;
    }
    subscriptions
        .lock(Provider.STRIPE, ref)
        .filter(s -> fresh(s, event.created(), null))
        .ifPresent(s -> apply(s, Trigger.PAYMENT_FAILED, null, event, caller));
  }

  private void subscriptionChanged(JsonObject o, Verified event, boolean deleted, Caller caller) {
    String ref = required(o, "id");
    String status = required(o, "status");
    boolean cancelling = o.getBoolean("cancel_at_period_end", false);
    Instant periodEnd = subscriptionPeriodEnd(o);
    boolean live = !deleted && (status.equals("active") || status.equals("trialing"));
    Optional<Locked> found =
        subscriptions.lockOrCreate(
            Provider.STRIPE,
            ref,
            () ->
                live && periodEnd != null
                    ? fromMetadata(
                        object(o, "metadata"),
                        ref,
                        status.equals("trialing"),
                        periodEnd,
                        event.created())
                    : null);
    if (found.isEmpty()) {
      return;
    }
    Subscription s = found.get().subscription();
    if (found.get().created()) {
      changes.record(s, s.started(), event.id(), caller);
      if (cancelling) {
        apply(s, Trigger.CANCEL_AT_PERIOD_END, periodEnd, event, caller);
      }
      return;
    }
    boolean newerPeriod = periodEnd != null && periodEnd.isAfter(s.periodEnd());
    if (!fresh(s, event.created(), periodEnd)) {
      return;
    }
    Trigger trigger =
        switch (deleted ? "canceled" : status) {
          case "canceled", "incomplete_expired" -> Trigger.ENDED;
          case "active", "trialing" -> {
            if (cancelling) {
              yield Trigger.CANCEL_AT_PERIOD_END;
            } else if (s.state() == SubscriptionState.CANCELLED_AT_PERIOD_END) {
              yield Trigger.RESUMED;
            } else if (status.equals("active")
                && (newerPeriod
                    || s.state() == SubscriptionState.IN_GRACE
                    || s.state() == SubscriptionState.PAST_DUE)) {
              yield Trigger.PAID;
            }
            yield null;
          }
          case "past_due" -> Trigger.PAYMENT_FAILED;
          case "unpaid" -> Trigger.GRACE_ENDED;
          default -> null; // incomplete, paused: nothing to do
        };
    if (trigger != null) {
      apply(s, trigger, periodEnd, event, caller);
    }
  }

  private void chargeRefunded(JsonObject o, Verified event, Caller caller) {
    String charge = required(o, "id");
    String intent = text(o, "payment_intent");
    Optional<Charged> charged = ledger.charged(Provider.STRIPE, charge, intent);
    if (charged.isEmpty()) {
      LOG.warning(
          () -> "charge.refunded " + event.id() + " of a charge not in the ledger: " + charge);
      return;
    }
    Charged c = charged.get();
    long refundedBefore = -ledger.refunded(Provider.STRIPE, charge, intent);
    long delta = number(o, "amount_refunded") - refundedBefore;
    if (delta > 0) {
      ledger.append(
          new Entry(
              Kind.REFUND,
              c.account(),
              -delta,
              required(o, "currency").toUpperCase(Locale.ROOT),
              Provider.STRIPE,
              latestRefund(o).orElse(charge + ":" + number(o, "amount_refunded")),
              charge,
              event.id(),
              c.planId(),
              null,
              c.productId(),
              c.subscriptionId(),
              c.purchaseId()));
    }
    if (o.getBoolean("refunded", false)) {
      end(c, Trigger.REFUNDED, Purchase.State.REFUNDED, event, caller);
    }
  }

  private void disputeCreated(JsonObject o, Verified event, Caller caller) {
    String charge = text(o, "charge");
    String intent = text(o, "payment_intent");
    Optional<Charged> charged = ledger.charged(Provider.STRIPE, charge, intent);
    if (charged.isEmpty()) {
      LOG.warning(() -> "charge.dispute.created " + event.id() + " of a charge not in the ledger");
      return;
    }
    Charged c = charged.get();
    ledger.append(
        new Entry(
            Kind.DISPUTE,
            c.account(),
            -number(o, "amount"),
            required(o, "currency").toUpperCase(Locale.ROOT),
            Provider.STRIPE,
            required(o, "id"),
            charge != null ? charge : intent,
            event.id(),
            c.planId(),
            null,
            c.productId(),
            c.subscriptionId(),
            c.purchaseId()));
    end(c, Trigger.CHARGEBACK, Purchase.State.REVOKED, event, caller);
  }

  /** Ends what a refunded or disputed charge paid for: the subscription, or the pack. */
  private void end(
      Charged c, Trigger trigger, Purchase.State purchaseState, Verified event, Caller caller) {
    if (c.subscriptionId() != null) {
      Subscription found = em.find(Subscription.class, c.subscriptionId());
      if (found != null) {
        subscriptions
            .lock(found.provider(), found.providerRef())
            .ifPresent(s -> apply(s, trigger, null, event, caller));
      }
    } else if (c.purchaseId() != null) {
      Purchase purchase =
          em.find(
              Purchase.class, c.purchaseId(), jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
      if (purchase != null && purchase.end(purchaseState, clock.instant())) {
        changes.record(purchase, event.id(), caller);
      }
    }
  }

  private void apply(
      Subscription s, Trigger trigger, Instant periodEnd, Verified event, Caller caller) {
    Optional<Change> change = s.apply(trigger, periodEnd, grace, clock.instant());
    change.ifPresentOrElse(
        c -> changes.record(s, c, event.id(), caller),
        () ->
            LOG.info(
                () ->
                    event.type()
                        + " "
                        + event.id()
                        + ": "
                        + trigger
                        + " does not apply to a "
                        + s.state()
                        + " subscription"));
  }

  /**
   * Whether a provider state of {@code created} (with {@code periodEnd}, when it says one) is newer
   * than what {@code s} holds: a later event, or a later paid period.
   */
  private static boolean fresh(Subscription s, Instant created, Instant periodEnd) {
    boolean newer = s.newerProviderState(created);
    return newer || (periodEnd != null && periodEnd.isAfter(s.periodEnd()));
  }

  private Subscription fromMetadata(
      JsonObject meta, String ref, boolean trial, Instant periodEnd, Instant created) {
    UUID account = account(text(meta, StripeGateway.ACCOUNT));
    String plan = text(meta, StripeGateway.PLAN);
    String months = text(meta, StripeGateway.MONTHS);
    if (account == null || plan == null || months == null || periodEnd == null) {
      return null;
    }
    requirePlan(plan, Integer.parseInt(months));
    return new Subscription(
        account,
        plan,
        Integer.parseInt(months),
        Provider.STRIPE,
        ref,
        trial,
        periodEnd,
        created,
        clock.instant());
  }

  private void requirePlan(String plan, int months) {
    if (!catalogue.planExists(plan) || !(months == 1 || months == 6 || months == 12)) {
      throw malformed("The event names a plan or period this platform does not sell.");
    }
  }

  /** The account of an id, when it is one and exists; null otherwise (the event is not ours). */
  private UUID account(String id) {
    if (id == null) {
      return null;
    }
    UUID account;
    try {
      account = UUID.fromString(id);
    } catch (IllegalArgumentException notAnId) {
      throw malformed("The event's account reference is not an account id.");
    }
    boolean exists =
        !em.createNativeQuery("select 1 from account where id = ?1")
            .setParameter(1, account)
            .getResultList()
            .isEmpty();
    return exists ? account : null;
  }

  private static String invoiceSubscription(JsonObject o) {
    String ref = text(o, "subscription");
    if (ref == null) {
      JsonObject details = object(object(o, "parent"), "subscription_details");
      ref = text(details, "subscription");
    }
    return ref;
  }

  private static JsonObject invoiceMetadata(JsonObject o) {
    JsonObject meta = object(object(o, "subscription_details"), "metadata");
    if (meta == null) {
      meta = object(object(object(o, "parent"), "subscription_details"), "metadata");
    }
    if (meta == null) {
      meta = object(firstLine(o), "metadata");
    }
    return meta;
  }

  private static Instant invoicePeriodEnd(JsonObject o) {
    JsonObject period = object(firstLine(o), "period");
    if (period != null && period.containsKey("end")) {
      return Instant.ofEpochSecond(number(period, "end"));
    }
    return o.containsKey("period_end") ? Instant.ofEpochSecond(number(o, "period_end")) : null;
  }

  private static Instant subscriptionPeriodEnd(JsonObject o) {
    if (o.get("current_period_end") instanceof JsonNumber n) {
      return Instant.ofEpochSecond(n.longValueExact());
    }
    JsonObject items = object(o, "items");
    JsonArray data = items == null ? null : items.getJsonArray("data");
    if (data != null
        && !data.isEmpty()
        && data.getJsonObject(0).get("current_period_end") instanceof JsonNumber n) {
      return Instant.ofEpochSecond(n.longValueExact());
    }
    return null;
  }

  private static JsonObject firstLine(JsonObject o) {
    JsonObject lines = object(o, "lines");
    JsonArray data = lines == null ? null : lines.getJsonArray("data");
    return data == null || data.isEmpty() ? null : data.getJsonObject(0);
  }

  private static Optional<String> latestRefund(JsonObject o) {
    JsonObject refunds = object(o, "refunds");
    JsonArray data = refunds == null ? null : refunds.getJsonArray("data");
    return data == null || data.isEmpty()
        ? Optional.empty()
        : Optional.ofNullable(text(data.getJsonObject(0), "id"));
  }

  private static JsonObject object(JsonObject o, String name) {
    return o != null && o.get(name) instanceof JsonObject inner ? inner : null;
  }

  private static String text(JsonObject o, String name) {
    if (o == null) {
      return null;
    }
    JsonValue value = o.get(name);
    if (value instanceof JsonString s) {
      return s.getString();
    }
    if (value instanceof JsonObject expanded && expanded.get("id") instanceof JsonString id) {
      return id.getString(); // an expanded object in place of its id
    }
    return null;
  }

  private static String required(JsonObject o, String name) {
    String value = text(o, name);
    if (value == null || value.isBlank()) {
      throw malformed("The event lacks " + name + ".");
    }
    return value;
  }

  private static long number(JsonObject o, String name) {
    if (o != null && o.get(name) instanceof JsonNumber n) {
      return n.longValueExact();
    }
    throw malformed("The event lacks the number " + name + ".");
  }

  private static BusinessException malformed(String detail) {
    return new BusinessException(ProblemType.MALFORMED_REQUEST, detail);
  }
}
