package app.dating.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dating.it.People.Person;
import app.dating.it.Platform.Reply;
import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * Who may see whom is one rule (an active account, not suspended, with a verified address and a
 * discoverable profile, not blocked either way), and every path that shows one person to another
 * honours it: the feed's candidate query, the feed's cards, swipes, the matches list, the likes,
 * profiles and photos. A suspension (set in the database: the moderation console comes later) and a
 * block each hide the person everywhere; lifting the suspension shows them again.
 *
 * <p>The feed's cards re-check the rule for every page, so through the API alone a candidate query
 * that let someone through would go unnoticed: the test also reads the ranked pool the candidate
 * query made, which the feed keeps in the shared cache (Redis, {@code dating:cache:feedpool:<id>}).
 */
class VisibilityRuleIT {

  /**
   * The people around {@code me}: one shown in the feed (with a photo), a match, a fan who liked
   * me.
   */
  record Scene(Person me, Person shown, String photo, Person partner, Person fan) {}

  private static Scene scene() throws Exception {
    double[] here = People.somewhereEmpty();
    Person me = People.open("woman", here[0], here[1]);
    Person shown = People.open("man", here[0], here[1]);
    Reply uploaded =
        PhotosIT.upload(
            shown.api(), "me.jpg", PhotosIT.phonePhoto(1, System.nanoTime()), "image/jpeg");
    String photo =
        PhotosIT.awaitProcessed(shown.api(), uploaded.json().getString("id")).getString("id");
    Person partner = People.open("man", here[0], here[1]);
    assertTrue(People.match(me, partner) != null);
    Person fan = People.open("man", here[0], here[1]);
    assertEquals(200, swipe(fan, me, "LIKE").status());
    return new Scene(me, shown, photo, partner, fan);
  }

  private static Reply swipe(Person who, Person target, String kind) {
    return who.api()
        .post("/api/v1/swipes", "{\"targetId\":\"" + target.id() + "\",\"kind\":\"" + kind + "\"}");
  }

  /**
   * Everyone a new feed session shows, a page of one at a time: pages that small let a new session
   * start from the ranked pool the last one made (when the filters are the same), so the cards of
   * that pool are what is checked.
   */
  private static Set<String> feed(Person who) {
    Set<String> ids = new LinkedHashSet<>();
    String cursor = null;
    for (int page = 0; page < 20; page++) {
      Reply reply =
          who.api()
              .get("/api/v1/discovery/feed?limit=1" + (cursor == null ? "" : "&cursor=" + cursor));
      assertEquals(200, reply.status(), reply::toString);
      List<JsonObject> cards =
          reply.json().getJsonArray("candidates").getValuesAs(JsonObject.class);
      if (cards.isEmpty()) {
        break;
      }
      cards.forEach(card -> ids.add(card.getString("id")));
      cursor = reply.json().getString("next");
    }
    return ids;
  }

  /**
   * Who the candidate query finds for {@code who} now: a new maximum distance makes the feed query
   * afresh (a pool is reused only for the same filters), and the pool it made is read from Redis.
   */
  private static Set<String> candidates(Person who, int maxKm) throws Exception {
    Reply changed =
        who.api()
            .put(
                "/api/v1/me/profile",
                "{\"gender\":\"woman\",\"wantedGenders\":[],\"ageMin\":18,\"ageMax\":99,"
                    + "\"maxDistanceKm\":"
                    + maxKm
                    + ",\"languages\":[],\"prompts\":[],\"interests\":[1,2],\"visibility\":\"DISCOVERABLE\"}");
    assertEquals(200, changed.status(), changed::toString);
    feed(who);
    String redisUrl =
        Files.readAllLines(Path.of(System.getProperty("it.platform.home"), "platform.env")).stream()
            .filter(line -> line.startsWith("REDIS_URL="))
            .map(line -> line.substring(10))
            .findFirst()
            .orElseThrow();
    try (Jedis redis = new Jedis(URI.create(redisUrl))) {
      String pool = redis.get("dating:cache:feedpool:" + who.id());
      assertTrue(pool != null && pool.contains(";"), "the feed keeps its ranked pool: " + pool);
      String ids = pool.substring(pool.indexOf(';') + 1);
      return ids.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(ids.split(",")));
    }
  }

  private static Set<String> matches(Person who) {
    return who
        .api()
        .get("/api/v1/matches")
        .json()
        .getJsonArray("matches")
        .getValuesAs(JsonObject.class)
        .stream()
        .map(m -> m.getString("personId"))
        .collect(Collectors.toSet());
  }

  private static long likes(Person who) {
    return who.api().get("/api/v1/likes/count").json().getJsonNumber("count").longValue();
  }

  private static void status(String status, Person... people) throws Exception {
    for (Person person : people) {
      assertEquals(
          1,
          Database.update(
              "update account set status = '" + status + "' where id = cast(? as uuid)",
              person.id()));
    }
  }

  /** Everything {@code me} sees of the others, and what each path answers. */
  private static void assertSeen(Scene s, boolean seen, int maxKm, String when) throws Exception {
    Person me = s.me();
    Set<String> candidates = candidates(me, maxKm);
    assertEquals(
        seen, candidates.contains(s.shown().id()), when + ": the candidate query " + candidates);
    assertEquals(
        seen, candidates.contains(s.fan().id()), when + ": the candidate query " + candidates);
    assertEquals(seen, feed(me).contains(s.shown().id()), when + ": the feed");
    assertEquals(
        seen ? 200 : 404,
        me.api().get("/api/v1/profiles/" + s.shown().id()).status(),
        when + ": the profile");
    assertEquals(
        seen ? 200 : 404,
        me.api().getBytesStatus("/api/v1/photos/" + s.photo() + "/320"),
        when + ": a photo");
    assertEquals(seen, matches(me).contains(s.partner().id()), when + ": the matches list");
    assertEquals(seen ? 1 : 0, likes(me), when + ": the likes");
  }

  @Test
  void aSuspendedAccountIsHiddenOnEveryPathUntilTheSuspensionIsLifted() throws Exception {
    Scene s = scene();
    assertSeen(s, true, 100, "before");
    assertEquals(Set.of(s.shown().id(), s.fan().id()), feed(s.me()), "the feed so far");

    status("SUSPENDED", s.shown(), s.partner(), s.fan());
    assertEquals(
        Set.of(), feed(s.me()), "a new session reusing the pool made before: its cards hide them");
    assertSeen(s, false, 99, "suspended");
    assertEquals(404, swipe(s.me(), s.shown(), "LIKE").status(), "no swipe on someone suspended");

    status("ACTIVE", s.shown(), s.partner(), s.fan());
    assertSeen(s, true, 98, "the suspension lifted");
    assertEquals(200, swipe(s.me(), s.shown(), "LIKE").status());
  }

  @Test
  void aBlockEitherWayHidesBothOnEveryPath() throws Exception {
    Scene s = scene();
    assertSeen(s, true, 100, "before");

    assertEquals(
        204,
        s.shown().api().post("/api/v1/blocks", "{\"accountId\":\"" + s.me().id() + "\"}").status());
    assertEquals(
        204,
        s.me()
            .api()
            .post("/api/v1/blocks", "{\"accountId\":\"" + s.partner().id() + "\"}")
            .status());
    assertEquals(
        204,
        s.fan().api().post("/api/v1/blocks", "{\"accountId\":\"" + s.me().id() + "\"}").status());
    assertEquals(
        Set.of(), feed(s.me()), "a new session reusing the pool made before: its cards hide them");
    assertSeen(s, false, 99, "blocked");
    assertEquals(404, swipe(s.me(), s.shown(), "LIKE").status(), "no swipe on whom one blocked");
    assertEquals(404, swipe(s.shown(), s.me(), "LIKE").status(), "nor on whom blocked one");
    for (Person blocker : List.of(s.shown(), s.fan())) {
      assertEquals(
          404,
          blocker.api().get("/api/v1/profiles/" + s.me().id()).status(),
          "the blocker does not see me either");
      assertFalse(feed(blocker).contains(s.me().id()));
    }
  }
}
