package app.dating.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dating.it.People.Person;
import app.dating.it.Platform.Reply;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The daily "most compatible" pick: made for everyone at once as a stable matching, so people who
 * fit only each other are each other's pick, and whoever the matching leaves single still gets
 * their best; read through the visibility rule, so a block or a pause since removes it. Runs are
 * started through the admin endpoint; the daily timer claims its day the same way ({@code
 * asScheduled}).
 */
class DailyPickIT {
  private static final String PICK = "/api/v1/discovery/daily-pick";
  private static final String RUNS = "/api/v1/admin/daily-picks/runs";

  /** A woman who wants men, a man next to her and one 20 km away, both wanting women. */
  static Person woman;

  static Person near;
  static Person farther;

  /** Two women who want women only: each other's only fit. */
  static Person one;

  static Person other;

  /** Two men who want men only; the second pauses after the run. */
  static Person first;

  static Person pauses;

  static JsonObject run;

  @BeforeAll
  static void aRunOverASmallPopulation() {
    double[] here = People.somewhereEmpty();
    woman = People.create(30, "woman", "[\"man\"]", 18, 99, 100, here[0], here[1], "DISCOVERABLE");
    double[] oneKm = People.north(here, 1);
    near = People.create(31, "man", "[\"woman\"]", 18, 99, 100, oneKm[0], oneKm[1], "DISCOVERABLE");
    double[] twentyKm = People.north(here, 20);
    farther =
        People.create(
            31, "man", "[\"woman\"]", 18, 99, 100, twentyKm[0], twentyKm[1], "DISCOVERABLE");

    double[] there = People.somewhereEmpty();
    one = People.create(29, "woman", "[\"woman\"]", 18, 99, 50, there[0], there[1], "DISCOVERABLE");
    double[] twoKm = People.north(there, 2);
    other =
        People.create(33, "woman", "[\"woman\"]", 18, 99, 50, twoKm[0], twoKm[1], "DISCOVERABLE");

    double[] elsewhere = People.somewhereEmpty();
    first =
        People.create(
            40, "man", "[\"man\"]", 18, 99, 50, elsewhere[0], elsewhere[1], "DISCOVERABLE");
    pauses =
        People.create(
            41, "man", "[\"man\"]", 18, 99, 50, elsewhere[0], elsewhere[1], "DISCOVERABLE");

    Reply reply = admin().post(RUNS, "");
    assertEquals(202, reply.status(), reply::toString);
    assertEquals("RUNNING", reply.json().getString("status"), reply::toString);
    assertTrue(
        reply.header("Location").endsWith(RUNS + "/" + reply.json().getString("id")),
        reply.header("Location"));
    run = finished(reply.json().getString("id"));
  }

  /** The run once it has ended, DONE. */
  private static JsonObject finished(String id) {
    Api admin = admin();
    Instant deadline = Instant.now().plusSeconds(180);
    while (true) {
      Reply reply = admin.get(RUNS + "/" + id);
      assertEquals(200, reply.status(), reply::toString);
      if (!reply.json().getString("status").equals("RUNNING")) {
        assertEquals("DONE", reply.json().getString("status"), reply::toString);
        return reply.json();
      }
      assertTrue(Instant.now().isBefore(deadline), () -> "still running: " + reply);
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private static Api admin() {
    try {
      return new Api().bearer(RolesIT.adminToken());
    } catch (Exception e) {
      throw new IllegalStateException("cannot sign the admin in", e);
    }
  }

  private static String pickOf(Person who) {
    Reply reply = who.api().get(PICK);
    assertEquals(200, reply.status(), () -> who.id() + ": " + reply);
    return reply.json().getJsonObject("card").getString("id");
  }

  private static void assertNoPick(Person who, String why) {
    Reply reply = who.api().get(PICK);
    assertEquals(404, reply.status(), () -> why + ": " + reply);
    assertEquals("urn:dating:problem:not-found", reply.json().getString("type"), reply::toString);
    assertTrue(
        reply.json().getString("detail").startsWith("No pick for you today."), reply::toString);
  }

  @Test
  void theRunReportsWhatItDid() {
    assertEquals(LocalDate.now(ZoneOffset.UTC).toString(), run.getString("day"));
    assertTrue(run.containsKey("finishedAt"), run::toString);
    assertTrue(run.getInt("people") >= 7, run::toString);
    assertTrue(run.getInt("mutualPairs") >= 3, run::toString);
    assertTrue(run.getInt("oneSided") >= 1, run::toString);
  }

  /**
   * The woman fits both men and each only her. Whichever she ranks first (the ranker decides; the
   * nearer one today) is her pick and she is his; the other is left single by the matching, and
   * still gets his best: her, one-sided.
   */
  @Test
  void whoFitsEachOtherArePairedAndTheOneLeftStillGetsHisBest() {
    String hers = pickOf(woman);
    assertTrue(Set.of(near.id(), farther.id()).contains(hers), hers);
    Person chosen = hers.equals(near.id()) ? near : farther;
    Person left = chosen == near ? farther : near;
    assertEquals(woman.id(), pickOf(chosen), "each other's pick");
    assertEquals(woman.id(), pickOf(left), "the one left single gets his best, one-sided");

    Reply reply = woman.api().get(PICK);
    JsonObject body = reply.json();
    JsonObject card = body.getJsonObject("card");
    assertEquals(31, card.getInt("age"));
    assertEquals("man", card.getString("gender"));
    assertEquals(Set.of("card", "day", "expiresAt"), body.keySet(), "nothing says mutual or rank");
    assertFalse(card.containsKey("email") || card.containsKey("birthDate"), card::toString);
    assertEquals(run.getString("day"), body.getString("day"));
    assertTrue(Instant.parse(body.getString("expiresAt")).isAfter(Instant.now()), body::toString);
  }

  /** Two who fit only each other are each other's pick; a block removes it for both at once. */
  @Test
  void eachOthersPickUntilOneBlocksTheOther() {
    assertEquals(other.id(), pickOf(one));
    assertEquals(one.id(), pickOf(other));

    Reply block = one.api().post("/api/v1/blocks", "{\"accountId\":\"" + other.id() + "\"}");
    assertEquals(204, block.status(), block::toString);
    assertNoPick(one, "the one who blocked");
    assertNoPick(other, "the one blocked");
  }

  /** A pick who paused their profile since the run is no pick: never a stale card. */
  @Test
  void aPickWhoPausedSinceIsNoPick() {
    assertEquals(pauses.id(), pickOf(first));
    Reply paused =
        pauses
            .api()
            .put(
                "/api/v1/me/profile",
                "{\"gender\":\"man\",\"wantedGenders\":[\"man\"],\"ageMin\":18,\"ageMax\":99,"
                    + "\"maxDistanceKm\":50,\"languages\":[],\"prompts\":[],\"interests\":[1,2],"
                    + "\"visibility\":\"PAUSED\"}");
    assertEquals(200, paused.status(), paused::toString);
    assertNoPick(first, "the pick paused");
  }

  @Test
  void someoneWithNobodyAroundHasNoPick() {
    double[] alone = People.somewhereEmpty();
    assertNoPick(People.open("woman", alone[0], alone[1]), "alone, and made after the run");
  }

  /** Like the feed: an account that has not verified its address sees nobody. */
  @Test
  void anUnverifiedAccountIsAskedToVerify() {
    double[] here = People.somewhereEmpty();
    Reply reply = People.unverified("woman", here[0], here[1]).api().get(PICK);
    assertEquals(403, reply.status(), reply::toString);
    assertEquals(
        "urn:dating:problem:verification-required",
        reply.json().getString("type"),
        reply::toString);
  }

  @Test
  void onlyAdminsRunThePicksAndEachRunIsAudited() throws Exception {
    Reply refused = one.api().post(RUNS, "");
    assertEquals(403, refused.status(), refused::toString);
    try (Connection db = Database.connect()) {
      assertTrue(
          Integer.parseInt(
                  Database.string(
                      db,
                      "select cast(count(*) as varchar) from audit_event where action = ?",
                      "DAILY_PICKS_RUN"))
              >= 1,
          "the run is in the audit log");
    }
  }

  /**
   * As the timer does it: of two runs claiming the day at once (two instances whose timers fire
   * together), one makes the picks and the other is refused; a later one finds the day taken. The
   * test database outlives runs, so the day's claim is freed first.
   */
  @Test
  void asScheduledTheDayRunsOnceWhoeverClaimsIt() throws Exception {
    Database.update("delete from scheduled_run where name = ?", "daily-pick");
    Api admin = admin();
    Callable<Reply> claim = () -> admin.post(RUNS + "?asScheduled=true", "");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    String started = null;
    try {
      List<Future<Reply>> claims = pool.invokeAll(List.of(claim, claim));
      int refused = 0;
      for (Future<Reply> each : claims) {
        Reply reply = each.get();
        if (reply.status() == 202) {
          started = reply.json().getString("id");
        } else {
          assertEquals(409, reply.status(), reply::toString);
          assertEquals("urn:dating:problem:conflict", reply.json().getString("type"));
          refused++;
        }
      }
      assertEquals(1, refused, "one of two claims at once");
    } finally {
      pool.shutdownNow();
    }
    assertEquals(409, claim.call().status(), "the day is taken");
    finished(started);
  }
}
