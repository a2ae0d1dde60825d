package app.dating.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dating.it.People.Person;
import app.dating.it.Platform.Reply;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Throwaway accounts: an account whose address is not verified sees nobody (no feed, no profiles,
 * no photos, no swipes) and is shown to nobody; positions cannot be changed without end; a position
 * that jumps faster than anyone travels is flagged for the moderators; photo sizes are rate limited
 * like profile views.
 *
 * <p>The flag is an event ({@code POSITION_JUMP}) through the outbox, drained to JMS within a
 * fraction of a second: a trigger installed for this class copies each such outbox row into {@code
 * it_position_jumps_seen}, and removed after it.
 */
class ThrowawayAccountsIT {
  private static final String VERIFICATION_REQUIRED = "urn:dating:problem:verification-required";

  @BeforeAll
  static void watchTheOutbox() throws Exception {
    try (Connection db = Database.connect();
        Statement sql = db.createStatement()) {
      sql.execute("create table if not exists it_position_jumps_seen (payload text not null)");
      sql.execute(
          // security definer: the trigger fires for the application's role, which may not write
          // here
          "create or replace function it_position_jumps_seen() returns trigger language plpgsql security definer as $$ begin"
              + " if new.type = 'POSITION_JUMP' then insert into it_position_jumps_seen (payload) values (new.payload); end if;"
              + " return new; end $$");
      sql.execute("drop trigger if exists it_position_jumps_seen on outbox");
      sql.execute(
          "create trigger it_position_jumps_seen after insert on outbox for each row execute function it_position_jumps_seen()");
    }
  }

  @AfterAll
  static void stopWatching() throws Exception {
    try (Connection db = Database.connect();
        Statement sql = db.createStatement()) {
      sql.execute("drop trigger if exists it_position_jumps_seen on outbox");
      sql.execute("drop function if exists it_position_jumps_seen()");
      sql.execute("drop table if exists it_position_jumps_seen");
    }
  }

  private static List<JsonObject> jumpsOf(String accountId) throws Exception {
    try (Connection db = Database.connect()) {
      return Database.strings(
              db,
              "select payload from it_position_jumps_seen where payload like '%' || ? || '%'",
              accountId)
          .stream()
          .map(p -> Json.createReader(new StringReader(p)).readObject())
          .toList();
    }
  }

  private static Reply moveTo(Api api, double[] position) {
    return api.put(
        "/api/v1/me/location",
        "{\"latitude\":" + position[0] + ",\"longitude\":" + position[1] + "}");
  }

  private static Set<String> feed(Person who) {
    Reply reply = who.api().get("/api/v1/discovery/feed?limit=50");
    assertEquals(200, reply.status(), reply::toString);
    Set<String> ids = new LinkedHashSet<>();
    reply
        .json()
        .getJsonArray("candidates")
        .getValuesAs(JsonObject.class)
        .forEach(c -> ids.add(c.getString("id")));
    return ids;
  }

  private static String readyPhoto(Api api) throws Exception {
    Reply uploaded =
        PhotosIT.upload(api, "me.jpg", PhotosIT.phonePhoto(1, System.nanoTime()), "image/jpeg");
    assertEquals(202, uploaded.status(), uploaded::toString);
    JsonObject photo = PhotosIT.awaitProcessed(api, uploaded.json().getString("id"));
    assertEquals("READY", photo.getString("status"), photo::toString);
    return photo.getString("id");
  }

  private static void assertVerificationRequired(Reply reply) {
    assertEquals(403, reply.status(), reply::toString);
    assertEquals(VERIFICATION_REQUIRED, reply.json().getString("type"), reply::toString);
  }

  @Test
  void anUnverifiedAccountSeesNobodyAndIsShownToNobodyUntilItVerifies() throws Exception {
    double[] here = People.somewhereEmpty();
    Person seen = People.open("woman", here[0], here[1]);
    String photo = readyPhoto(seen.api());
    Person fresh = People.unverified("man", here[0], here[1]);

    assertVerificationRequired(fresh.api().get("/api/v1/discovery/feed"));
    assertVerificationRequired(fresh.api().get("/api/v1/profiles/" + seen.id()));
    assertVerificationRequired(
        fresh
            .api()
            .post("/api/v1/swipes", "{\"targetId\":\"" + seen.id() + "\",\"kind\":\"LIKE\"}"));
    assertEquals(403, fresh.api().getBytesStatus("/api/v1/photos/" + photo + "/320"));
    assertEquals(
        200, fresh.api().get("/api/v1/me/profile").status(), "their own profile is theirs");

    assertEquals(Set.of(), feed(seen), "not discoverable before the address is verified");
    assertEquals(404, seen.api().get("/api/v1/profiles/" + fresh.id()).status());
    assertEquals(
        404,
        seen.api()
            .post("/api/v1/swipes", "{\"targetId\":\"" + fresh.id() + "\",\"kind\":\"LIKE\"}")
            .status());

    Api.Account account = new Api.Account(fresh.id(), fresh.email(), fresh.api());
    account.verifyEmail();
    // The first proof of an address ends every session made before it (issue #14): sign in again.
    String signedInAgain = new Api.Account(fresh.id(), fresh.email(), new Api()).accessToken();
    fresh = new Person(fresh.id(), fresh.email(), new Api().bearer(signedInAgain));
    assertEquals(Set.of(seen.id()), feed(fresh), "verified: the feed opens");
    assertEquals(200, fresh.api().get("/api/v1/profiles/" + seen.id()).status());
    assertEquals(200, fresh.api().getBytesStatus("/api/v1/photos/" + photo + "/320"));
    assertEquals(
        200, seen.api().get("/api/v1/profiles/" + fresh.id()).status(), "and shown to others");
  }

  @Test
  void positionChangesAreLimitedPerDay() {
    Api me = new Api().bearer(Api.registerVerified().accessToken());
    double[] start = People.somewhereEmpty();
    for (int i = 0; i < 20; i++) {
      Reply moved = moveTo(me, People.north(start, 2 * i));
      assertEquals(204, moved.status(), "change " + (i + 1) + ": " + moved);
    }
    double[] last = People.north(start, 38);
    assertEquals(204, moveTo(me, last).status(), "the same position again is no change");
    Reply limited = moveTo(me, People.north(start, 40));
    assertEquals(429, limited.status(), "the 21st change of the day: " + limited);
    assertEquals("urn:dating:problem:daily-limit", limited.json().getString("type"));
    long retryAfter = Long.parseLong(limited.header("Retry-After"));
    assertTrue(retryAfter > 0 && retryAfter <= 24 * 3600, "until midnight UTC: " + retryAfter);
  }

  @Test
  void aPositionJumpingFasterThanTravelIsFlaggedForModerationWithoutCoordinates() throws Exception {
    Api.Account account = Api.registerVerified();
    Api me = new Api().bearer(account.accessToken());
    assertEquals(204, moveTo(me, new double[] {52.5200, 13.4050}).status());
    assertEquals(204, moveTo(me, People.north(new double[] {52.5200, 13.4050}, 3)).status());
    assertEquals(
        List.of(),
        jumpsOf(account.id()),
        "a few km at once is within what a phone's position wanders");

    Reply jumped = moveTo(me, new double[] {-33.8688, 151.2093});
    assertEquals(204, jumped.status(), "the position is taken, and flagged: " + jumped);
    List<JsonObject> jumps = jumpsOf(account.id());
    assertEquals(1, jumps.size(), jumps::toString);
    JsonObject jump = jumps.get(0);
    assertEquals(
        Set.of("account", "speedKmh", "at"), jump.keySet(), "who, how fast, when: never where");
    assertEquals(account.id(), jump.getString("account"));
    assertTrue(jump.getJsonNumber("speedKmh").longValue() > 1000, jump::toString);
    for (String place : List.of("52.5", "13.4", "33.8", "151.2")) {
      assertFalse(jump.toString().contains(place), "no coordinates: " + jump);
    }
  }

  @Test
  void photoSizesAreRateLimitedLikeProfileViews() throws Exception {
    double[] here = People.somewhereEmpty();
    Person owner = People.open("woman", here[0], here[1]);
    Person viewer = People.open("man", here[0], here[1]);
    String path = "/api/v1/photos/" + readyPhoto(owner.api()) + "/320";
    // 600 at once, then the bucket refills evenly over the hour: a few more while the 600 are
    // fetched.
    int fetched = 0;
    int status = 200;
    while (status == 200 && fetched < 700) {
      status = viewer.api().getBytesStatus(path);
      fetched++;
    }
    assertEquals(429, status, "refused within the hour after " + fetched);
    assertTrue(fetched > 600 && fetched < 620, "about 600 an hour: refused at fetch " + fetched);
    assertEquals(200, owner.api().getBytesStatus(path), "one's own photos are not counted");
  }
}
