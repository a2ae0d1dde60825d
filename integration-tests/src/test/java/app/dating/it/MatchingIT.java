package app.dating.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dating.it.People.Person;
import app.dating.it.Platform.Reply;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Swipes and matches: exactly one match per pair even under races; limits, unmatch, block, report, likes. */
class MatchingIT {

  private static Reply swipe(Person who, Person target, String kind) {
    return who.api().post("/api/v1/swipes", "{\"targetId\":\"" + target.id() + "\",\"kind\":\"" + kind + "\"}");
  }

  private static long rows(String sql, String id) throws Exception {
    try (Connection db = Database.connect()) {
      return Long.parseLong(Database.string(db, sql, id));
    }
  }

  @Test
  void twoLikesMakeOneMatchThatBothSee() {
    double[] here = People.somewhereEmpty();
    Person ana = People.open("woman", here[0], here[1]);
    Person ben = People.open("man", here[0], here[1]);

    Reply first = swipe(ana, ben, "LIKE");
    assertEquals(200, first.status(), first::toString);
    assertFalse(first.json().getBoolean("matched"));
    Reply second = swipe(ben, ana, "SUPERLIKE");
    assertTrue(second.json().getBoolean("matched"), second::toString);
    String matchId = second.json().getString("matchId");

    for (Person p : List.of(ana, ben)) {
      JsonObject page = p.api().get("/api/v1/matches").json();
      assertEquals(1, page.getJsonArray("matches").size(), page::toString);
      assertEquals(matchId, page.getJsonArray("matches").getJsonObject(0).getString("id"));
    }
    assertEquals("P30m", ana.api().get("/api/v1/matches").json().getJsonArray("matches").getJsonObject(0).getString("displayName"));

    Reply again = swipe(ana, ben, "LIKE");
    assertEquals(200, again.status(), "the same swipe again is harmless: " + again);
    assertTrue(again.json().getBoolean("repeated"));
    assertTrue(again.json().getBoolean("matched"));
    assertEquals(409, swipe(ana, ben, "PASS").status(), "a different answer is a conflict");
  }

  /** Every pair's two likes, all released at once: swipes go in batches, and a batch may hold both of a pair. */
  @Test
  void likesArrivingAtOnceMakeExactlyOneMatch() throws Exception {
    double[] here = People.somewhereEmpty();
    int pairs = 12;
    List<Person[]> people = new ArrayList<>();
    List<Callable<Reply>> likes = new ArrayList<>();
    for (int i = 0; i < pairs; i++) {
      Person[] pair = {People.open("woman", here[0], here[1]), People.open("man", here[0], here[1])};
      people.add(pair);
      likes.add(() -> swipe(pair[0], pair[1], "LIKE"));
      likes.add(() -> swipe(pair[1], pair[0], "LIKE"));
    }
    List<Reply> replies = atOnce(likes);
    for (int i = 0; i < pairs; i++) {
      Person[] pair = people.get(i);
      Reply a = replies.get(2 * i);
      Reply b = replies.get(2 * i + 1);
      assertEquals(200, a.status(), a::toString);
      assertEquals(200, b.status(), b::toString);
      assertTrue(a.json().getBoolean("matched") ^ b.json().getBoolean("matched"), "the later like of the two learns of the match: " + a + b);
      assertEquals(1, rows("select count(*)::text from match m, (select ?::uuid as id) me where m.user_a = me.id or m.user_b = me.id",
          pair[0].id()), "exactly one match");
      assertEquals(1, pair[1].api().get("/api/v1/matches").json().getJsonArray("matches").size());
    }
  }

  @Test
  void theSameSwipesAtOnceCountOnce() throws Exception {
    double[] here = People.somewhereEmpty();
    Person ana = People.open("woman", here[0], here[1]);
    Person ben = People.open("man", here[0], here[1]);
    List<Callable<Reply>> swipes = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      swipes.add(() -> swipe(ana, ben, "LIKE"));
    }
    swipes.add(() -> swipe(ben, ana, "LIKE"));
    List<Reply> replies = atOnce(swipes);
    replies.forEach(reply -> assertEquals(200, reply.status(), reply::toString));
    assertEquals(3, replies.subList(0, 4).stream().filter(reply -> reply.json().getBoolean("repeated")).count(), "one of ana's four counts");
    assertEquals(1, rows("select count(*)::text from swipe where swiper_id = ?::uuid", ana.id()));
    assertEquals(1, rows("select coalesce(sum(likes), 0)::text from daily_usage where account_id = ?::uuid", ana.id()), "one like spent");
    assertEquals(1, rows("select count(*)::text from match m, (select ?::uuid as id) me where m.user_a = me.id or m.user_b = me.id",
        ana.id()), "one match");
    assertEquals(1, replies.stream().filter(reply -> reply.json().getBoolean("matched") && !reply.json().getBoolean("repeated")).count(),
        "one swipe made the match: " + replies);
  }

  @Test
  void aBurstOfLikesSpendsExactlyTheDailyCap() throws Exception {
    double[] here = People.somewhereEmpty();
    Person me = People.open("woman", here[0], here[1]);
    List<Callable<Reply>> likes = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      Person other = People.open("man", here[0], here[1]);
      likes.add(() -> swipe(me, other, "LIKE"));
    }
    List<Reply> replies = atOnce(likes);
    assertEquals(20, replies.stream().filter(reply -> reply.status() == 200).count(), "the cap is 20: " + replies);
    assertEquals(5, replies.stream().filter(reply -> reply.status() == 429).count(), replies::toString);
    assertEquals(20, rows("select count(*)::text from swipe where swiper_id = ?::uuid", me.id()), "refused likes are not stored");
    assertEquals(20, rows("select likes::text from daily_usage where account_id = ?::uuid", me.id()), "refused likes are not spent");
  }

  /** Runs the calls on threads of their own, released together; their replies in the calls' order. */
  private static List<Reply> atOnce(List<Callable<Reply>> calls) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(calls.size());
    try {
      CyclicBarrier together = new CyclicBarrier(calls.size());
      List<Future<Reply>> replies = new ArrayList<>();
      for (Callable<Reply> call : calls) {
        replies.add(threads.submit(() -> {
          together.await();
          return call.call();
        }));
      }
      List<Reply> done = new ArrayList<>();
      for (Future<Reply> reply : replies) {
        done.add(reply.get());
      }
      return done;
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void refusedSwipes() {
    double[] here = People.somewhereEmpty();
    Person me = People.open("woman", here[0], here[1]);
    Person paused = People.create(30, "man", "[]", 18, 99, 100, here[0], here[1], "PAUSED");
    assertEquals(400, me.api().post("/api/v1/swipes", "{\"targetId\":\"" + me.id() + "\",\"kind\":\"LIKE\"}").status(), "yourself");
    assertEquals(404, swipe(me, paused, "LIKE").status(), "not discoverable");
    assertEquals(404, me.api().post("/api/v1/swipes", "{\"targetId\":\"00000000-0000-0000-0000-000000000001\",\"kind\":\"LIKE\"}").status());
    assertEquals(400, me.api().post("/api/v1/swipes", "{\"targetId\":\"" + paused.id() + "\",\"kind\":\"LOVE\"}").status());
    assertEquals(400, me.api().post("/api/v1/swipes", "{\"kind\":\"LIKE\"}").status());
  }

  @Test
  void dailyLimitsAreEntitlementsAndRefusedSwipesLeaveNoTrace() throws Exception {
    double[] here = People.somewhereEmpty();
    Person me = People.open("woman", here[0], here[1]);
    List<Person> others = new ArrayList<>();
    for (int i = 0; i < 22; i++) {
      others.add(People.open("man", here[0], here[1]));
    }
    for (int i = 0; i < 20; i++) {
      assertEquals(200, swipe(me, others.get(i), "LIKE").status());
    }
    Reply limited = swipe(me, others.get(20), "LIKE");
    assertEquals(429, limited.status(), limited::toString);
    assertEquals("urn:dating:problem:daily-limit", limited.json().getString("type"));
    long retryAfter = Long.parseLong(limited.header("Retry-After"));
    assertTrue(retryAfter > 0 && retryAfter <= 24 * 3600, "until midnight UTC: " + retryAfter);
    assertEquals(0, rows("select count(*)::text from swipe where target_id = ?::uuid", others.get(20).id()), "nothing half-written");
    assertEquals(200, swipe(me, others.get(20), "PASS").status(), "passes are free");

    assertEquals(200, swipe(me, others.get(21), "SUPERLIKE").status());
    Reply secondSuperlike = swipe(me, People.open("man", here[0], here[1]), "SUPERLIKE");
    assertEquals(429, secondSuperlike.status(), "one super-like a day: " + secondSuperlike);

    try (Connection db = Database.connect();
        var grant = db.prepareStatement("insert into entitlement (account_id, name, until) values (?::uuid, 'UNLIMITED_LIKES', now() + interval '1 day')")) {
      grant.setString(1, me.id());
      grant.executeUpdate();
    }
    Person more = People.open("man", here[0], here[1]);
    assertEquals(200, swipe(me, more, "LIKE").status(), "the entitlement lifts the cap");
  }

  @Test
  void swipesAndMatchesArePublishedAsEvents() throws Exception {
    double[] here = People.somewhereEmpty();
    Person ana = People.open("woman", here[0], here[1]);
    Person ben = People.open("man", here[0], here[1]);
    swipe(ana, ben, "LIKE");
    swipe(ben, ana, "LIKE");
    Instant deadline = Instant.now().plusSeconds(20);
    while (rows("select coalesce((select likes_in from swipe_stats where account_id = ?::uuid), 0)::text", ben.id()) == 0) {
      assertTrue(Instant.now().isBefore(deadline), "the swipe event reached its observer through the outbox and JMS");
      Thread.sleep(100);
    }
    assertEquals(1, rows("select likes_in::text from swipe_stats where account_id = ?::uuid", ana.id()));
    assertEquals(0, rows("select count(*)::text from outbox where payload like '%' || ? || '%'", ana.id()), "drained");
  }

  @Test
  void unmatchBlockAndReport() throws Exception {
    double[] here = People.somewhereEmpty();
    Person ana = People.open("woman", here[0], here[1]);
    Person ben = People.open("man", here[0], here[1]);
    Person cy = People.open("man", here[0], here[1]);
    swipe(ana, ben, "LIKE");
    String matchId = swipe(ben, ana, "LIKE").json().getString("matchId");
    assertEquals(404, cy.api().delete("/api/v1/matches/" + matchId).status(), "not theirs");
    assertEquals(204, ben.api().delete("/api/v1/matches/" + matchId).status());
    assertEquals(0, ana.api().get("/api/v1/matches").json().getJsonArray("matches").size(), "ended for both");
    assertEquals(404, ana.api().delete("/api/v1/matches/" + matchId).status());

    swipe(ana, cy, "LIKE");
    swipe(cy, ana, "LIKE");
    assertEquals(200, cy.api().get("/api/v1/profiles/" + ana.id()).status());
    assertEquals(204, ana.api().post("/api/v1/blocks", "{\"accountId\":\"" + cy.id() + "\"}").status());
    assertEquals(0, cy.api().get("/api/v1/matches").json().getJsonArray("matches").size(), "a block ends the match");
    assertEquals(404, cy.api().get("/api/v1/profiles/" + ana.id()).status(), "hidden from the blocked");
    assertEquals(404, ana.api().get("/api/v1/profiles/" + cy.id()).status(), "and from the blocker");

    Reply reported = ana.api().post("/api/v1/reports", "{\"accountId\":\"" + cy.id() + "\",\"reason\":\"HARASSMENT\",\"comment\":\"Rude.\"}");
    assertEquals(201, reported.status(), reported::toString);
    try (Connection db = Database.connect()) {
      assertEquals("HARASSMENT|profile:" + cy.id() + "|OPEN", Database.string(db,
          "select reason || '|' || content_ref || '|' || status from report where id = ?::uuid", reported.json().getString("id")));
    }
    assertEquals(400, ana.api().post("/api/v1/reports", "{\"accountId\":\"" + cy.id() + "\",\"reason\":\"BORING\"}").status());
    assertEquals(400, ana.api().post("/api/v1/reports", "{\"accountId\":\"" + cy.id() + "\",\"reason\":\"SPAM\",\"contentRef\":\"http://x\"}").status());
  }

  @Test
  void everyoneSeesHowManyLikedThemPremiumSeesWho() throws Exception {
    double[] here = People.somewhereEmpty();
    Person me = People.open("woman", here[0], here[1]);
    Person fan = People.open("man", here[0], here[1]);
    swipe(fan, me, "SUPERLIKE");
    assertEquals(1, me.api().get("/api/v1/likes/count").json().getInt("count"));
    Reply list = me.api().get("/api/v1/likes");
    assertEquals(403, list.status(), list::toString);
    assertEquals("urn:dating:problem:entitlement-required", list.json().getString("type"));
    try (Connection db = Database.connect();
        var grant = db.prepareStatement("insert into entitlement (account_id, name, until) values (?::uuid, 'SEE_LIKES', now() + interval '1 day')")) {
      grant.setString(1, me.id());
      grant.executeUpdate();
    }
    JsonObject like = me.api().get("/api/v1/likes").structure().asJsonArray().getJsonObject(0);
    assertEquals(fan.id(), like.getString("personId"));
    assertTrue(like.getBoolean("superlike"));
    assertNotNull(like.getString("likedAt"));
  }

  @Test
  void matchesComePageByPageNewestFirst() {
    double[] here = People.somewhereEmpty();
    Person me = People.open("woman", here[0], here[1]);
    List<String> matches = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Person other = People.open("man", here[0], here[1]);
      swipe(other, me, "LIKE");
      matches.add(0, swipe(me, other, "LIKE").json().getString("matchId"));
    }
    List<String> seen = new ArrayList<>();
    String cursor = null;
    do {
      JsonObject page = me.api().get("/api/v1/matches?limit=2" + (cursor == null ? "" : "&cursor=" + cursor)).json();
      page.getJsonArray("matches").getValuesAs(JsonObject.class).forEach(m -> seen.add(m.getString("id")));
      cursor = page.containsKey("next") ? page.getString("next") : null;
    } while (cursor != null);
    assertEquals(matches, seen);
    assertEquals(400, me.api().get("/api/v1/matches?cursor=garbage").status());
  }
}
