package app.dating.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dating.it.People.Person;
import app.dating.it.Platform.Reply;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The discovery feed: hard filters hold both ways, exclusions hold, nobody repeats within a
 * session.
 */
class FeedIT {
  /** Feed sessions a person keeps at most (DISCOVERY_FEED_SESSIONS, default). */
  private static final int SESSIONS = 5;

  private static Set<String> feed(Person who) {
    return feed(who, 10);
  }

  /** Everyone a new feed session shows, page after page, in the order shown. */
  private static Set<String> feed(Person who, int pageSize) {
    Set<String> ids = new LinkedHashSet<>();
    String cursor = null;
    for (int page = 0; page < 20; page++) {
      Reply reply =
          who.api()
              .get(
                  "/api/v1/discovery/feed?limit="
                      + pageSize
                      + (cursor == null ? "" : "&cursor=" + cursor));
      assertEquals(200, reply.status(), reply::toString);
      List<JsonObject> cards =
          reply.json().getJsonArray("candidates").getValuesAs(JsonObject.class);
      if (cards.isEmpty()) {
        break;
      }
      for (JsonObject card : cards) {
        assertTrue(ids.add(card.getString("id")), "repeated within the session: " + card);
        assertFalse(card.containsKey("email") || card.containsKey("birthDate"), card::toString);
      }
      cursor = reply.json().getString("next");
    }
    return ids;
  }

  @Test
  void hardFiltersHoldBothWays() {
    double[] here = People.somewhereEmpty();
    Person me =
        People.create(30, "woman", "[\"man\"]", 25, 40, 30, here[0], here[1], "DISCOVERABLE");

    double[] near = People.north(here, 5);
    Person fits =
        People.create(32, "man", "[\"woman\"]", 25, 35, 50, near[0], near[1], "DISCOVERABLE");
    Person wantsMen =
        People.create(32, "man", "[\"man\"]", 25, 35, 50, near[0], near[1], "DISCOVERABLE");
    Person tooOld =
        People.create(50, "man", "[\"woman\"]", 25, 60, 50, near[0], near[1], "DISCOVERABLE");
    Person thinksMeTooOld =
        People.create(28, "man", "[\"woman\"]", 18, 25, 50, near[0], near[1], "DISCOVERABLE");
    Person woman = People.create(30, "woman", "[]", 18, 99, 50, near[0], near[1], "DISCOVERABLE");
    double[] ten = People.north(here, 10);
    Person staysClose =
        People.create(32, "man", "[\"woman\"]", 25, 35, 5, ten[0], ten[1], "DISCOVERABLE");
    double[] far = People.north(here, 40);
    Person tooFar =
        People.create(32, "man", "[\"woman\"]", 25, 35, 100, far[0], far[1], "DISCOVERABLE");
    Person paused = People.create(32, "man", "[\"woman\"]", 25, 35, 50, near[0], near[1], "PAUSED");
    Person swiped = People.create(33, "man", "[]", 18, 99, 50, near[0], near[1], "DISCOVERABLE");
    Person blocker = People.create(34, "man", "[]", 18, 99, 50, near[0], near[1], "DISCOVERABLE");
    me.api().post("/api/v1/swipes", "{\"targetId\":\"" + swiped.id() + "\",\"kind\":\"PASS\"}");
    blocker.api().post("/api/v1/blocks", "{\"accountId\":\"" + me.id() + "\"}");

    assertEquals(
        Set.of(fits.id()),
        feed(me),
        "only the one who fits both ways; not: wants men "
            + wantsMen.id()
            + ", too old "
            + tooOld.id()
            + ", thinks me too old "
            + thinksMeTooOld.id()
            + ", a woman "
            + woman.id()
            + ", stays within 5 km "
            + staysClose.id()
            + ", 40 km away "
            + tooFar.id()
            + ", paused "
            + paused.id()
            + ", swiped "
            + swiped.id()
            + ", blocked me "
            + blocker.id());

    JsonObject card =
        me.api().get("/api/v1/discovery/feed").json().getJsonArray("candidates").getJsonObject(0);
    assertEquals(5, card.getInt("distanceKm"));
    assertEquals(32, card.getInt("age"));
  }

  @Test
  void pagesNeverRepeatAndShowEveryone() {
    double[] here = People.somewhereEmpty();
    Person me = People.open("woman", here[0], here[1]);
    List<String> everyone = new ArrayList<>();
    for (int i = 0; i < 23; i++) {
      double[] at = People.north(here, i);
      everyone.add(People.open(i % 2 == 0 ? "man" : "non-binary", at[0], at[1]).id());
    }
    assertEquals(Set.copyOf(everyone), feed(me));
  }

  @Test
  void
      aNewSessionReusesTheRankedPoolButNeverWhoWasSwipedPausedOrBlockedSinceAndNewFiltersMakeANewOne() {
    double[] here = People.somewhereEmpty();
    Person me = People.open("woman", here[0], here[1]);
    double[] near = People.north(here, 3);
    Person swiped = People.open("man", near[0], near[1]);
    Person paused = People.open("man", near[0], near[1]);
    Person blocker = People.open("man", near[0], near[1]);
    Person stays = People.open("man", near[0], near[1]);
    assertEquals(Set.of(swiped.id(), paused.id(), blocker.id(), stays.id()), feed(me, 1));

    assertEquals(
        200,
        me.api()
            .post("/api/v1/swipes", "{\"targetId\":\"" + swiped.id() + "\",\"kind\":\"PASS\"}")
            .status());
    assertEquals(
        200, paused.api().put("/api/v1/me/profile", profile("man", 100, "PAUSED")).status());
    assertEquals(
        204, blocker.api().post("/api/v1/blocks", "{\"accountId\":\"" + me.id() + "\"}").status());
    Person newcomer =
        People.open("man", here[0], here[1]); // nearer than everyone: first in a fresh ranking
    // Pages of one: the new session starts from the pool made above, whose cards are checked again;
    // once it is used up, the feed queries afresh and finds the newcomer.
    assertEquals(
        List.of(stays.id(), newcomer.id()),
        List.copyOf(feed(me, 1)),
        "the pool first, then a fresh query");

    assertEquals(
        200, me.api().put("/api/v1/me/profile", profile("woman", 2, "DISCOVERABLE")).status());
    assertEquals(
        Set.of(newcomer.id()),
        feed(me, 1),
        "within 2 km now: a new pool, not the one made for 100 km (stays is 3 km away)");
  }

  /**
   * Each request without a cursor starts a feed session, kept in Redis for an hour: a person keeps
   * only the newest few, so requests in a loop cannot fill Redis. The newest continue where they
   * stopped; a cursor whose session gave way starts a new one.
   */
  @Test
  void aPersonKeepsOnlyTheirNewestFeedSessions() throws Exception {
    double[] here = People.somewhereEmpty();
    Person me = People.open("woman", here[0], here[1]);
    double[] near = People.north(here, 2);
    double[] farther = People.north(here, 20);
    String nearest = People.open("man", near[0], near[1]).id();
    String next = People.open("man", farther[0], farther[1]).id();

    List<String> cursors = new ArrayList<>();
    for (int i = 0; i < 3 * SESSIONS; i++) {
      Reply first = me.api().get("/api/v1/discovery/feed?limit=1");
      assertEquals(200, first.status(), first::toString);
      assertEquals(
          nearest, first.json().getJsonArray("candidates").getJsonObject(0).getString("id"));
      cursors.add(first.json().getString("next"));
    }
    Set<String> stored = SharedState.keys("dating:cache:feed:" + me.id() + ":*");
    assertTrue(
        stored.size() <= SESSIONS,
        3 * SESSIONS + " sessions started, " + stored.size() + " kept: " + stored);

    String newest = cursors.get(cursors.size() - 1);
    Reply continued = me.api().get("/api/v1/discovery/feed?limit=1&cursor=" + newest);
    assertEquals(200, continued.status(), continued::toString);
    assertEquals(
        next,
        continued.json().getJsonArray("candidates").getJsonObject(0).getString("id"),
        "the newest session continues");
    assertEquals(newest, continued.json().getString("next"));

    Reply oldest = me.api().get("/api/v1/discovery/feed?limit=1&cursor=" + cursors.get(0));
    assertEquals(200, oldest.status(), oldest::toString);
    assertEquals(
        nearest,
        oldest.json().getJsonArray("candidates").getJsonObject(0).getString("id"),
        "the oldest gave way: a new session");
    assertNotEquals(cursors.get(0), oldest.json().getString("next"));
  }

  /**
   * The feed is rate-limited per account: a 429 problem with Retry-After, while others browse on.
   */
  @Test
  void theFeedIsRateLimitedPerAccount() {
    double[] here = People.somewhereEmpty();
    Person me = People.open("woman", here[0], here[1]);
    Person other = People.open("man", here[0], here[1]);
    Reply limited = null;
    int served = 0;
    for (int i = 0; i < 200 && limited == null; i++) {
      Reply reply = me.api().get("/api/v1/discovery/feed?limit=1");
      if (reply.status() == 429) {
        limited = reply;
      } else {
        assertEquals(200, reply.status(), reply::toString);
        served++;
      }
    }
    assertNotNull(limited, "200 feed requests in a row, none refused");
    assertEquals(
        "urn:dating:problem:rate-limited", limited.json().getString("type"), limited::toString);
    assertTrue(
        Long.parseLong(limited.header("Retry-After")) >= 1, limited.response().headers()::toString);
    assertTrue(served >= 30, "someone browsing is not refused: " + served + " pages served");
    assertEquals(
        200,
        other.api().get("/api/v1/discovery/feed?limit=1").status(),
        "the limit is per account");
  }

  /** The profile People.open gives, with another distance or visibility. */
  private static String profile(String gender, int maxKm, String visibility) {
    return "{\"gender\":\""
        + gender
        + "\",\"wantedGenders\":[],\"ageMin\":18,\"ageMax\":99,\"maxDistanceKm\":"
        + maxKm
        + ",\"languages\":[],\"prompts\":[],\"interests\":[1,2],\"visibility\":\""
        + visibility
        + "\"}";
  }

  @Test
  void aNewAccountIsToldToFillItsProfileAndBadParametersAreProblems() {
    Api api = new Api().bearer(Api.registerVerified().accessToken());
    Reply reply = api.get("/api/v1/discovery/feed");
    assertEquals(400, reply.status(), reply::toString);
    assertEquals(
        "profile", reply.json().getJsonArray("errors").getJsonObject(0).getString("field"));
    Reply badLimit = api.get("/api/v1/matches?limit=many");
    assertEquals(400, badLimit.status(), badLimit::toString);
    assertEquals(
        "limit", badLimit.json().getJsonArray("errors").getJsonObject(0).getString("field"));
  }

  @Test
  void theFeedNeedsALocation() {
    Api.Account account = Api.registerVerified();
    Api api = new Api().bearer(account.accessToken());
    api.put(
        "/api/v1/me/profile",
        "{\"gender\":\"woman\",\"wantedGenders\":[],\"ageMin\":18,\"ageMax\":99,\"maxDistanceKm\":50,"
            + "\"languages\":[],\"prompts\":[],\"interests\":[],\"visibility\":\"HIDDEN\"}");
    Reply reply = api.get("/api/v1/discovery/feed");
    assertEquals(400, reply.status(), reply::toString);
    assertEquals(
        "location", reply.json().getJsonArray("errors").getJsonObject(0).getString("field"));
    assertEquals(400, api.get("/api/v1/discovery/feed?cursor=made-up").status());
  }
}
