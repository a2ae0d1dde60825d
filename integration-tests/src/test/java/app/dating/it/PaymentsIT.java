package app.dating.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dating.it.People.Person;
import app.dating.it.Platform.Reply;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Premium end to end: the catalogue, a plan bought through Stripe Checkout (the fake Stripe API in
 * this JVM) and its webhooks (signed with Stripe's scheme), the entitlements it gives (likes beyond
 * the free cap), renewal, a failed payment through grace to expiry, refund and dispute, duplicate
 * and out-of-order deliveries, and refused deliveries that change nothing.
 */
class PaymentsIT {
  private static FakeStripe stripe;

  @BeforeAll
  static void startFakeStripe() throws Exception {
    stripe = FakeStripe.start();
  }

  /** What a test bought: whose, and the Stripe ids the webhooks used. */
  record Bought(
      Person person,
      String plan,
      int months,
      String subscription,
      String customer,
      String charge,
      String session) {}

  @Test
  void plansArePublicLocalizedAndPricedInTheCallersCurrency() {
    Reply german =
        send(
            HttpRequest.newBuilder(Platform.uri("/api/v1/plans"))
                .header("Accept-Language", "de-DE,de;q=0.9")
                .GET());
    assertEquals(200, german.status(), german::toString);
    JsonObject catalogue = german.json();
    assertEquals("EUR", catalogue.getString("currency"));
    assertEquals("de", catalogue.getString("language"));
    JsonObject platinum = plan(catalogue, "platinum");
    assertEquals("Platin", platinum.getString("name"), "German names");
    assertEquals(3, platinum.getJsonArray("prices").size(), "1, 6 and 12 months");
    JsonObject monthly = platinum.getJsonArray("prices").getJsonObject(0);
    assertEquals(1, monthly.getInt("months"));
    assertEquals(
        2999, monthly.getJsonNumber("amountMinor").longValue(), "minor units, never a float");
    assertEquals("EUR", monthly.getString("currency"));
    assertTrue(
        platinum.getJsonArray("entitlements").stream()
            .map(JsonObject.class::cast)
            .anyMatch(
                g ->
                    g.getString("entitlement").equals("MESSAGE_BEFORE_MATCH")
                        && g.getInt("amount") == 3));
    assertEquals(4, catalogue.getJsonArray("products").size(), "the packs");

    JsonObject british =
        send(HttpRequest.newBuilder(Platform.uri("/api/v1/plans"))
                .header("Accept-Language", "en-GB")
                .GET())
            .json();
    assertEquals(
        "GBP", plan(british, "gold").getJsonArray("prices").getJsonObject(0).getString("currency"));
    assertEquals("Platinum", plan(british, "platinum").getString("name"));
    JsonObject dollars = Platform.get("/api/v1/plans?currency=usd").json();
    assertEquals(
        2199,
        plan(dollars, "gold")
            .getJsonArray("prices")
            .getJsonObject(0)
            .getJsonNumber("amountMinor")
            .longValue());
    JsonObject swiss =
        send(HttpRequest.newBuilder(Platform.uri("/api/v1/plans"))
                .header("Accept-Language", "fr-CH")
                .GET())
            .json();
    assertEquals(
        "EUR",
        plan(swiss, "plus").getJsonArray("prices").getJsonObject(0).getString("currency"),
        "no francs: euros");
    assertEquals("Plus", plan(swiss, "plus").getString("name"), "no French: English");
  }

  @Test
  void aPlanBoughtThroughCheckoutLiftsTheCapAndRenews() throws Exception {
    double[] here = People.somewhereEmpty();
    Person me = People.open("woman", here[0], here[1]);
    List<Person> others = new ArrayList<>();
    for (int i = 0; i < 21; i++) {
      others.add(People.open("man", here[0], here[1]));
    }
    for (int i = 0; i < 20; i++) {
      assertEquals(200, swipe(me, others.get(i)).status());
    }
    assertEquals(429, swipe(me, others.get(20)).status(), "the free cap");
    assertEquals(403, me.api().get("/api/v1/likes").status(), "no SEE_LIKES yet");
    assertEquals(
        0, me.api().get("/api/v1/me/entitlements").json().getJsonArray("entitlements").size());

    Bought bought = buy(me, "gold", 1, Instant.now().plus(Duration.ofDays(30)));

    FakeStripe.Call created =
        stripe.calls("/v1/checkout/sessions").stream()
            .filter(c -> me.id().equals(c.form().get("client_reference_id")))
            .findFirst()
            .orElseThrow();
    assertEquals("subscription", created.form().get("mode"));
    assertEquals(
        "1999",
        created.form().get("line_items[0][price_data][unit_amount]"),
        "the catalogue's price, in cents");
    assertEquals("eur", created.form().get("line_items[0][price_data][currency]"));
    assertEquals("1", created.form().get("line_items[0][price_data][recurring][interval_count]"));
    assertEquals("gold", created.form().get("subscription_data[metadata][plan]"));

    JsonObject entitlements = me.api().get("/api/v1/me/entitlements").json();
    assertTrue(
        names(entitlements)
            .containsAll(List.of("UNLIMITED_LIKES", "SEE_LIKES", "MORE_SUPERLIKES", "BOOSTS")),
        entitlements::toString);
    assertEquals(200, swipe(me, others.get(20)).status(), "likes beyond the free cap");
    assertEquals(200, me.api().get("/api/v1/likes").status(), "who liked you: Gold");

    JsonObject subscription = me.api().get("/api/v1/me/subscription").json();
    assertEquals("ACTIVE", subscription.getJsonObject("current").getString("state"));
    assertEquals("gold", subscription.getJsonObject("current").getString("planId"));
    try (Connection db = Database.connect()) {
      assertEquals(
          "CHARGE 1999 EUR",
          Database.string(
              db,
              "select kind || ' ' || amount_minor || ' ' || currency from revenue_entry where account_id = ?::uuid",
              me.id()));
      assertTrue(
          Database.string(
                  db,
                  "select string_agg(detail, ' | ') from audit_event where actor_id = ?::uuid and action = 'SUBSCRIPTION_CHANGE'",
                  me.id())
              .contains("gold new->ACTIVE"),
          "the transition is audited");
    }

    // Renewal: the next invoice paid moves the period on and books a renewal.
    Instant next = Instant.now().plus(Duration.ofDays(60));
    Reply renewed =
        deliver(
            event(
                "invoice.paid",
                Instant.now().getEpochSecond() + 5,
                invoice(bought, "subscription_cycle", 1999, "ch_" + UUID.randomUUID(), next)));
    assertEquals(200, renewed.status(), renewed::toString);
    assertTrue(renewed.json().getBoolean("applied"));
    JsonObject after = me.api().get("/api/v1/me/subscription").json().getJsonObject("current");
    assertEquals(
        next.getEpochSecond(), Instant.parse(after.getString("periodEnd")).getEpochSecond());
    try (Connection db = Database.connect()) {
      assertEquals(
          List.of("CHARGE", "RENEWAL"),
          Database.strings(
              db,
              "select kind from revenue_entry where account_id = ?::uuid order by id",
              me.id()));
    }

    Reply portal = me.api().post("/api/v1/purchases/portal", "");
    assertEquals(200, portal.status(), portal::toString);
    assertTrue(portal.json().getString("url").startsWith("https://billing.stripe.test/"));
    assertEquals(
        bought.customer(),
        stripe
            .calls("/v1/billing_portal/sessions")
            .get(stripe.calls("/v1/billing_portal/sessions").size() - 1)
            .form()
            .get("customer"));
    assertEquals(
        409,
        me.api()
            .post("/api/v1/purchases/checkout", "{\"planId\":\"platinum\",\"months\":1}")
            .status(),
        "one subscription at a time");
  }

  @Test
  void aFailedRenewalKeepsAccessThroughGraceThenEndsIt() throws Exception {
    Person me = person();
    Bought bought = buy(me, "plus", 1, Instant.now().plusSeconds(4));
    assertTrue(names(me.api().get("/api/v1/me/entitlements").json()).contains("UNLIMITED_LIKES"));

    Reply failed =
        deliver(
            event(
                "invoice.payment_failed",
                Instant.now().getEpochSecond() + 1,
                invoice(bought, "subscription_cycle", 999, null, null)));
    assertEquals(200, failed.status(), failed::toString);
    assertEquals("IN_GRACE", state(me));
    assertTrue(
        names(me.api().get("/api/v1/me/entitlements").json()).contains("UNLIMITED_LIKES"),
        "grace keeps access");

    await(() -> "PAST_DUE".equals(state(me)), "the sweep ends grace");
    assertEquals(
        0,
        me.api().get("/api/v1/me/entitlements").json().getJsonArray("entitlements").size(),
        "past due: no access");
    assertNull(me.api().get("/api/v1/me/subscription").json().get("current"));

    Reply deleted =
        deliver(
            event(
                "customer.subscription.deleted",
                Instant.now().getEpochSecond() + 2,
                subscriptionObject(bought, "canceled", false, Instant.now())));
    assertEquals(200, deleted.status(), deleted::toString);
    assertEquals("EXPIRED", state(me));
    try (Connection db = Database.connect()) {
      assertEquals(
          List.of("new>ACTIVE", "ACTIVE>IN_GRACE", "IN_GRACE>PAST_DUE", "PAST_DUE>EXPIRED"),
          Database.strings(
              db,
              "select coalesce(from_state, 'new') || '>' || to_state from subscription_change where account_id = ?::uuid"
                  + " and from_state is distinct from to_state order by id",
              me.id()));
      assertEquals(
          "0",
          Database.string(
              db, "select count(*) from entitlement where account_id = ?::uuid", me.id()));
    }
  }

  @Test
  void aRefundAndADisputeRevoke() throws Exception {
    Person refunded = person();
    Bought one = buy(refunded, "gold", 6, Instant.now().plus(Duration.ofDays(180)));
    Reply refund =
        deliver(
            event(
                "charge.refunded",
                Instant.now().getEpochSecond(),
                "{\"id\":\""
                    + one.charge()
                    + "\",\"object\":\"charge\",\"amount\":8994,\"amount_refunded\":8994,\"currency\":\"eur\",\"refunded\":true,"
                    + "\"refunds\":{\"data\":[{\"id\":\"re_"
                    + UUID.randomUUID()
                    + "\"}]}}"));
    assertEquals(200, refund.status(), refund::toString);
    assertEquals("REFUNDED", state(refunded));
    assertEquals(
        0,
        refunded.api().get("/api/v1/me/entitlements").json().getJsonArray("entitlements").size());

    Person disputed = person();
    Bought two = buy(disputed, "platinum", 12, Instant.now().plus(Duration.ofDays(365)));
    Reply dispute =
        deliver(
            event(
                "charge.dispute.created",
                Instant.now().getEpochSecond(),
                "{\"id\":\"dp_"
                    + UUID.randomUUID()
                    + "\",\"object\":\"dispute\",\"charge\":\""
                    + two.charge()
                    + "\",\"amount\":17988,\"currency\":\"eur\"}"));
    assertEquals(200, dispute.status(), dispute::toString);
    assertEquals("REVOKED", state(disputed));
    assertEquals(
        0,
        disputed.api().get("/api/v1/me/entitlements").json().getJsonArray("entitlements").size());
    try (Connection db = Database.connect()) {
      assertEquals(
          List.of("CHARGE 8994", "REFUND -8994"),
          Database.strings(
              db,
              "select kind || ' ' || amount_minor from revenue_entry where account_id = ?::uuid order by id",
              refunded.id()));
      assertEquals(
          List.of("CHARGE 17988", "DISPUTE -17988"),
          Database.strings(
              db,
              "select kind || ' ' || amount_minor from revenue_entry where account_id = ?::uuid order by id",
              disputed.id()));
    }
  }

  @Test
  void aPackIsBoughtOnceAndCounted() throws Exception {
    Person me = person();
    Reply checkout =
        me.api()
            .post(
                "/api/v1/purchases/checkout",
                "{\"productId\":\"superlikes_5\",\"currency\":\"GBP\"}");
    assertEquals(200, checkout.status(), checkout::toString);
    FakeStripe.Call call =
        stripe.calls("/v1/checkout/sessions").get(stripe.calls("/v1/checkout/sessions").size() - 1);
    assertEquals("payment", call.form().get("mode"));
    assertEquals("449", call.form().get("line_items[0][price_data][unit_amount]"));
    assertEquals("gbp", call.form().get("line_items[0][price_data][currency]"));
    String session = checkout.json().getString("sessionId");
    Reply paid =
        deliver(
            event(
                "checkout.session.completed",
                Instant.now().getEpochSecond(),
                "{\"id\":\""
                    + session
                    + "\",\"object\":\"checkout.session\",\"mode\":\"payment\",\"payment_status\":\"paid\","
                    + "\"client_reference_id\":\""
                    + me.id()
                    + "\",\"customer\":\"cus_"
                    + UUID.randomUUID()
                    + "\",\"amount_total\":449,\"currency\":\"gbp\","
                    + "\"payment_intent\":\"pi_"
                    + UUID.randomUUID()
                    + "\",\"metadata\":{\"account\":\""
                    + me.id()
                    + "\",\"product\":\"superlikes_5\"}}"));
    assertEquals(200, paid.status(), paid::toString);
    assertEquals(5, me.api().get("/api/v1/me/entitlements").json().getInt("superlikeCredits"));
    JsonArray packs = me.api().get("/api/v1/me/subscription").json().getJsonArray("packs");
    assertEquals("PAID", packs.getJsonObject(0).getString("state"));
    try (Connection db = Database.connect()) {
      assertEquals(
          "CHARGE 449 GBP superlikes_5",
          Database.string(
              db,
              "select kind || ' ' || amount_minor || ' ' || currency || ' ' || product_id from revenue_entry where account_id = ?::uuid",
              me.id()));
    }
  }

  @Test
  void theSameEventTenTimesAtOnceAppliesOnce() throws Exception {
    Person me = person();
    Bought bought = buy(me, "plus", 1, Instant.now().plus(Duration.ofDays(30)));
    String renewal =
        event(
            "invoice.paid",
            Instant.now().getEpochSecond() + 3,
            invoice(
                bought,
                "subscription_cycle",
                999,
                "ch_" + UUID.randomUUID(),
                Instant.now().plus(Duration.ofDays(61))));
    long changesBefore = changes(me);
    ExecutorService pool = Executors.newFixedThreadPool(10);
    try {
      List<Callable<Reply>> deliveries = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        deliveries.add(() -> deliver(renewal));
      }
      int applied = 0;
      for (Future<Reply> reply : pool.invokeAll(deliveries)) {
        assertEquals(200, reply.get().status(), reply.get()::toString);
        applied += reply.get().json().getBoolean("applied") ? 1 : 0;
      }
      assertEquals(1, applied, "one delivery applies it, nine find it applied");
    } finally {
      pool.shutdownNow();
    }
    try (Connection db = Database.connect()) {
      assertEquals(
          "1",
          Database.string(
              db,
              "select count(*) from revenue_entry where account_id = ?::uuid and kind = 'RENEWAL'",
              me.id()));
      assertEquals(changesBefore + 1, changes(me), "one transition (the renewal)");
    }
  }

  @Test
  void anOlderStateDeliveredLateDoesNotWin() throws Exception {
    Person me = person();
    Instant end = Instant.now().plus(Duration.ofDays(30));
    Bought bought = buy(me, "gold", 1, end);
    long now = Instant.now().getEpochSecond();
    assertEquals(
        200,
        deliver(
                event(
                    "customer.subscription.updated",
                    now + 20,
                    subscriptionObject(bought, "active", true, end)))
            .status());
    assertEquals("CANCELLED_AT_PERIOD_END", state(me));
    Reply late =
        deliver(
            event(
                "customer.subscription.updated",
                now + 10,
                subscriptionObject(bought, "active", false, end)));
    assertEquals(200, late.status(), late::toString);
    assertEquals(
        "CANCELLED_AT_PERIOD_END", state(me), "the older state, delivered late, changes nothing");
    assertTrue(
        names(me.api().get("/api/v1/me/entitlements").json()).contains("SEE_LIKES"),
        "paid to the period's end");
  }

  @Test
  void refusedDeliveriesAre400ProblemsAndChangeNothing() throws Exception {
    Person me = person();
    String id = "evt_" + UUID.randomUUID();
    String payload =
        checkoutCompleted(
            id, me, "sub_" + UUID.randomUUID(), "cus_" + UUID.randomUUID(), "gold", 1);
    long now = Instant.now().getEpochSecond();

    Reply forged = deliver(payload, FakeStripe.sign(payload, now, "whsec_someone_else"));
    assertProblem(forged, "urn:dating:problem:bad-signature");
    Reply old = deliver(payload, FakeStripe.sign(payload, now - 3600, FakeStripe.WEBHOOK_SECRET));
    assertProblem(old, "urn:dating:problem:bad-signature");
    Reply unsigned = deliver(payload, null);
    assertProblem(unsigned, "urn:dating:problem:bad-signature");
    String notJson = "this is not an event";
    assertProblem(
        deliver(notJson, FakeStripe.sign(notJson, now, FakeStripe.WEBHOOK_SECRET)),
        "urn:dating:problem:malformed-request");
    String lacking =
        "{\"id\":\""
            + id
            + "\",\"object\":\"event\",\"type\":\"checkout.session.completed\",\"created\":"
            + now
            + ",\"data\":{\"object\":{\"client_reference_id\":\""
            + me.id()
            + "\",\"metadata\":{\"plan\":\"gold\"}}}}";
    assertProblem(
        deliver(lacking, FakeStripe.sign(lacking, now, FakeStripe.WEBHOOK_SECRET)),
        "urn:dating:problem:malformed-request");
    String wrongId = "evt_" + UUID.randomUUID();
    String wrongType =
        "{\"id\":\""
            + wrongId
            + "\",\"object\":\"event\",\"type\":\"invoice.paid\",\"created\":"
            + now
            + ",\"data\":{\"object\":{\"id\":\"in_1\",\"subscription\":\"sub_x\",\"amount_paid\":\"lots\",\"currency\":\"eur\"}}}";
    assertProblem(
        deliver(wrongType, FakeStripe.sign(wrongType, now, FakeStripe.WEBHOOK_SECRET)),
        "urn:dating:problem:malformed-request");

    try (Connection db = Database.connect()) {
      assertEquals(
          "0",
          Database.string(db, "select count(*) from payment_event where event_id = ?", id),
          "no event stored");
      assertEquals(
          "0",
          Database.string(db, "select count(*) from payment_event where event_id = ?", wrongId));
      assertEquals(
          "0",
          Database.string(
              db, "select count(*) from subscription where account_id = ?::uuid", me.id()));
      assertEquals(
          "0",
          Database.string(
              db, "select count(*) from payment_customer where account_id = ?::uuid", me.id()));
    }
    Reply good = deliver(payload);
    assertEquals(200, good.status(), "the same event, signed right, applies: " + good);
    assertEquals("ACTIVE", state(me));
  }

  @Test
  void theLedgerIsAppendOnlyForTheApplication() throws Exception {
    Person me = person();
    buy(me, "plus", 12, Instant.now().plus(Duration.ofDays(365)));
    String role = Database.state("DB_USER", "dating_app");
    try (Connection app =
            Database.connect(role, System.getenv().getOrDefault("DB_PASSWORD", "unused"));
        java.sql.Statement sql = app.createStatement()) {
      for (String change :
          List.of(
              "update revenue_entry set amount_minor = 0 where account_id = '" + me.id() + "'",
              "delete from revenue_entry where account_id = '" + me.id() + "'")) {
        java.sql.SQLException refused =
            org.junit.jupiter.api.Assertions.assertThrows(
                java.sql.SQLException.class, () -> sql.execute(change), change);
        assertEquals("42501", refused.getSQLState(), () -> change + ": " + refused);
      }
    }
    try (Connection owner = Database.connect();
        java.sql.Statement sql = owner.createStatement()) {
      java.sql.SQLException refused =
          org.junit.jupiter.api.Assertions.assertThrows(
              java.sql.SQLException.class,
              () ->
                  sql.execute(
                      "update revenue_entry set amount_minor = 0 where account_id = '"
                          + me.id()
                          + "'"));
      assertTrue(refused.getMessage().contains("append-only"), refused::getMessage);
      assertEquals(
          "5988",
          Database.string(
              owner, "select amount_minor from revenue_entry where account_id = ?::uuid", me.id()));
    }
  }

  @Test
  void theExportShowsPremiumAndErasureKeepsOnlyTheLedger() throws Exception {
    Person me = person();
    Bought bought = buy(me, "plus", 1, Instant.now().plus(Duration.ofDays(30)));
    Reply requested = me.api().post("/api/v1/me/exports", "");
    assertEquals(202, requested.status(), requested::toString);
    String id = requested.json().getString("id");
    DataExportIT.awaitReady(me, id);
    var archive = me.api().getBytes("/api/v1/me/exports/" + id + "/archive");
    assertEquals(200, archive.statusCode());
    JsonObject export =
        jakarta.json.Json.createReader(
                new java.io.StringReader(
                    new String(
                        DataExportIT.unzip(archive.body()).get("export.json"),
                        java.nio.charset.StandardCharsets.UTF_8)))
            .readObject();
    assertEquals("plus", export.getJsonArray("subscriptions").getJsonObject(0).getString("plan"));
    assertEquals(
        "ACTIVE", export.getJsonArray("subscriptions").getJsonObject(0).getString("state"));
    assertEquals("CHARGE", export.getJsonArray("payments").getJsonObject(0).getString("kind"));
    assertEquals(999, export.getJsonArray("payments").getJsonObject(0).getInt("amountMinor"));
    assertFalse(export.getJsonArray("subscriptionChanges").isEmpty());

    Reply deleted = me.api().delete("/api/v1/me", "{\"currentPassword\":\"" + Api.PASSWORD + "\"}");
    assertEquals(204, deleted.status(), deleted::toString);
    assertTrue(
        stripe.calls.stream()
            .anyMatch(
                c ->
                    c.method().equals("DELETE")
                        && c.path().equals("/v1/subscriptions/" + bought.subscription())),
        "a deleted account's subscription is cancelled at Stripe");
    await(
        () -> count("select count(*) from subscription where account_id = ?::uuid", me) == 0,
        "erasure");
    assertEquals(
        0, count("select count(*) from subscription_change where account_id = ?::uuid", me));
    assertEquals(0, count("select count(*) from payment_customer where account_id = ?::uuid", me));
    assertEquals(
        1,
        count("select count(*) from revenue_entry where account_id = ?::uuid", me),
        "the ledger keeps the charge");
  }

  private static long count(String sql, Person me) {
    try (Connection db = Database.connect()) {
      return Long.parseLong(Database.string(db, sql, me.id()));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  // --- helpers ---

  private static Person person() {
    double[] here = People.somewhereEmpty();
    return People.open("woman", here[0], here[1]);
  }

  /** Checkout through the API, then Stripe's checkout.session.completed and first invoice.paid. */
  private static Bought buy(Person me, String plan, int months, Instant periodEnd) {
    Reply checkout =
        me.api()
            .post(
                "/api/v1/purchases/checkout",
                "{\"planId\":\"" + plan + "\",\"months\":" + months + "}");
    assertEquals(200, checkout.status(), checkout::toString);
    assertTrue(
        checkout.json().getString("url").startsWith("https://checkout.stripe.test/"),
        checkout::toString);
    String session = checkout.json().getString("sessionId");
    String subscription = "sub_" + UUID.randomUUID();
    String customer = "cus_" + UUID.randomUUID();
    String charge = "ch_" + UUID.randomUUID();
    Bought bought = new Bought(me, plan, months, subscription, customer, charge, session);
    long now = Instant.now().getEpochSecond();
    String completed =
        checkoutCompleted("evt_" + UUID.randomUUID(), me, subscription, customer, plan, months)
            .replace("\"id\":\"cs_placeholder\"", "\"id\":\"" + session + "\"");
    Reply first = deliver(completed);
    assertEquals(200, first.status(), first::toString);
    long amount =
        Platform.get("/api/v1/plans").json().getJsonArray("plans").stream()
            .map(JsonObject.class::cast)
            .filter(p -> p.getString("id").equals(plan))
            .findFirst()
            .orElseThrow()
            .getJsonArray("prices")
            .stream()
            .map(JsonObject.class::cast)
            .filter(p -> p.getInt("months") == months)
            .findFirst()
            .orElseThrow()
            .getJsonNumber("amountMinor")
            .longValue();
    Reply invoice =
        deliver(
            event(
                "invoice.paid",
                now,
                invoice(bought, "subscription_create", amount, charge, periodEnd)));
    assertEquals(200, invoice.status(), invoice::toString);
    return bought;
  }

  private static String checkoutCompleted(
      String eventId, Person me, String subscription, String customer, String plan, int months) {
    return "{\"id\":\""
        + eventId
        + "\",\"object\":\"event\",\"api_version\":\"2025-03-31.basil\",\"type\":\"checkout.session.completed\",\"created\":"
        + Instant.now().getEpochSecond()
        + ",\"livemode\":false,\"data\":{\"object\":{\"id\":\"cs_placeholder\",\"object\":\"checkout.session\","
        + "\"mode\":\"subscription\",\"payment_status\":\"paid\",\"client_reference_id\":\""
        + me.id()
        + "\",\"customer\":\""
        + customer
        + "\","
        + "\"subscription\":\""
        + subscription
        + "\",\"metadata\":{\"account\":\""
        + me.id()
        + "\",\"plan\":\""
        + plan
        + "\",\"months\":\""
        + months
        + "\"}}}}";
  }

  /** An invoice of the newer API shape (subscription under parent.subscription_details). */
  private static String invoice(
      Bought b, String reason, long amount, String charge, Instant periodEnd) {
    String meta =
        "{\"account\":\""
            + b.person().id()
            + "\",\"plan\":\""
            + b.plan()
            + "\",\"months\":\""
            + b.months()
            + "\"}";
    return "{\"id\":\"in_"
        + UUID.randomUUID()
        + "\",\"object\":\"invoice\",\"billing_reason\":\""
        + reason
        + "\",\"amount_paid\":"
        + amount
        + ",\"currency\":\"eur\",\"customer\":\""
        + b.customer()
        + "\""
        + (charge == null ? "" : ",\"charge\":\"" + charge + "\"")
        + ",\"parent\":{\"subscription_details\":{\"subscription\":\""
        + b.subscription()
        + "\",\"metadata\":"
        + meta
        + "}}"
        + (periodEnd == null
            ? ""
            : ",\"lines\":{\"data\":[{\"period\":{\"start\":"
                + Instant.now().getEpochSecond()
                + ",\"end\":"
                + periodEnd.getEpochSecond()
                + "}}]}")
        + "}";
  }

  private static String subscriptionObject(
      Bought b, String status, boolean cancelling, Instant periodEnd) {
    return "{\"id\":\""
        + b.subscription()
        + "\",\"object\":\"subscription\",\"status\":\""
        + status
        + "\",\"cancel_at_period_end\":"
        + cancelling
        + ",\"customer\":\""
        + b.customer()
        + "\",\"items\":{\"data\":[{\"current_period_end\":"
        + periodEnd.getEpochSecond()
        + "}]}}";
  }

  private static String event(String type, long created, String object) {
    return "{\"id\":\"evt_"
        + UUID.randomUUID()
        + "\",\"object\":\"event\",\"api_version\":\"2025-03-31.basil\",\"type\":\""
        + type
        + "\",\"created\":"
        + created
        + ",\"livemode\":false,\"data\":{\"object\":"
        + object
        + "}}";
  }

  private static Reply deliver(String payload) {
    return deliver(
        payload,
        FakeStripe.sign(payload, Instant.now().getEpochSecond(), FakeStripe.WEBHOOK_SECRET));
  }

  private static Reply deliver(String payload, String signature) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(Platform.uri("/api/v1/webhooks/stripe"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(payload));
    if (signature != null) {
      request.header("Stripe-Signature", signature);
    }
    return send(request);
  }

  private static Reply send(HttpRequest.Builder request) {
    return Platform.send(request);
  }

  private static Reply swipe(Person who, Person target) {
    return who.api()
        .post("/api/v1/swipes", "{\"targetId\":\"" + target.id() + "\",\"kind\":\"LIKE\"}");
  }

  private static String state(Person me) {
    try (Connection db = Database.connect()) {
      return Database.string(
          db, "select state from subscription where account_id = ?::uuid", me.id());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static long changes(Person me) throws Exception {
    try (Connection db = Database.connect()) {
      return Long.parseLong(
          Database.string(
              db, "select count(*) from subscription_change where account_id = ?::uuid", me.id()));
    }
  }

  private static List<String> names(JsonObject entitlements) {
    return entitlements.getJsonArray("entitlements").stream()
        .map(JsonObject.class::cast)
        .map(e -> e.getString("name"))
        .toList();
  }

  private static JsonObject plan(JsonObject catalogue, String id) {
    return catalogue.getJsonArray("plans").stream()
        .map(JsonObject.class::cast)
        .filter(p -> p.getString("id").equals(id))
        .findFirst()
        .orElseThrow();
  }

  private static void assertProblem(Reply reply, String type) {
    assertEquals(400, reply.status(), reply::toString);
    assertTrue(reply.contentType().startsWith("application/problem+json"), reply::toString);
    assertEquals(type, reply.json().getString("type"), reply::toString);
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(30);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("not within 30 s: " + what);
      }
      Thread.sleep(250);
    }
  }
}
