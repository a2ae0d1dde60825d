package app.dating.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dating.it.Platform.Reply;
import app.dating.tools.sim.Arm;
import app.dating.tools.sim.ArmResult;
import app.dating.tools.sim.Harness;
import app.dating.tools.sim.Simulation;
import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

/**
 * The matching simulator at a small size, against the started platform (see {@code
 * app.dating.tools.sim.Simulation} and benchmarks/README.md): simulated people with hidden
 * preferences register and swipe through the API, one fresh population per arm.
 *
 * <p>What it asserts, with the seed fixed:
 *
 * <ul>
 *   <li>always: today's SimpleRanker beats random order on mutual matches per 100 swipes by a wide
 *       margin, every swipe and feed answered as expected;
 *   <li>when the platform has the ranking administration ({@code /api/v1/admin/ranking} in its
 *       OpenAPI document, which the learned ranker brings): the learned ranker, retrained after
 *       each simulated day, beats random order by {@link #LEARNED_OVER_RANDOM} at least. Once that
 *       path is served, the learned arm is required: a refused switch or retrain fails the test.
 * </ul>
 *
 * <p>Issue #15's goal is that the learned ranker beats SimpleRanker (1.3 × at 3,000 people × 30
 * days). It does not yet, and its share of SimpleRanker's matches varies from run to run with what
 * else the test database holds: 0.69 ×, 0.91 ×, 0.93 ×, 0.96 × here, 0.89 × at 600 people × 5 days
 * (benchmarks/README.md, matching-sim). So this test prints that ratio and does not assert it;
 * SimpleRanker stays the platform's default ranker until the learned one beats it, and then the
 * assertion {@code learned > simple} belongs here.
 *
 * <p>The platform's free plan caps likes per real day (20 here) and its feed reuses a ranked pool
 * for 5 minutes of real time: simulated days pass in seconds, so the simulated people hold the
 * unlimited-likes entitlement (set in the database, as a purchase would) and each simulated day
 * forgets the pools (as the real day's change would: the pool's key holds the day).
 */
class MatchingSimulationIT {
  /** 400 people, 2 days of 10 cards: eligible people per person (median) 43, 20 swipes each. */
  static final Simulation.Config SMALL = new Simulation.Config(400, 2, 10, 7, 0.5, 4, 100);

  /**
   * SimpleRanker over random on matches per 100 swipes at least. Measured at this size: 2.09 × on
   * main (3.88 against a client-side shuffle's 1.86), 2.04 × against the learned ranker's branch's
   * own random ranker (3.88 against 1.90); 2.6 × with 600 people.
   */
  static final double SIMPLE_OVER_RANDOM = 1.5;

  /** The learned ranker over random at least (measured: 1.46 ×, 1.86 ×, 1.93 ×, 2.22 ×). */
  static final double LEARNED_OVER_RANDOM = 1.2;

  @Test
  void rankersBeatRandomOrder() throws Exception {
    Simulation simulation = new Simulation(new TestPlatform(), SMALL, MatchingSimulationIT::log);
    boolean ranking = simulation.rankingEndpoints();
    log(
        ranking
            ? "the platform has /api/v1/admin/ranking: learned, simple and random arms"
            : "no /api/v1/admin/ranking in /openapi (only SimpleRanker): simple and random arms");
    Optional<String> before = simulation.activeRanker();
    List<ArmResult> results = new ArrayList<>();
    try {
      List<Arm> arms =
          ranking ? List.of(Arm.LEARNED, Arm.SIMPLE, Arm.RANDOM) : List.of(Arm.SIMPLE, Arm.RANDOM);
      for (Arm arm : arms) {
        ArmResult result = simulation.run(arm);
        log(result.toString());
        results.add(result);
      }
    } finally {
      before.ifPresent(simulation::switchTo);
    }
    for (ArmResult result : results) {
      assertEquals(0, result.errors(), () -> "answers other than expected: " + result);
      assertTrue(
          result.swipes() >= SMALL.people() * SMALL.days() * SMALL.cards() * 8L / 10,
          () -> "most people had a full feed each day: " + result);
    }
    ArmResult simple = find(results, Arm.SIMPLE);
    ArmResult random = find(results, Arm.RANDOM);
    assertTrue(
        simple.matchesPer100() >= SIMPLE_OVER_RANDOM * random.matchesPer100(),
        () -> String.format(Locale.ROOT, "simple %s%nrandom %s", simple, random));
    if (ranking) {
      ArmResult learned = find(results, Arm.LEARNED);
      assertTrue(learned.retrains() >= 1, () -> "no retrain made a model: " + learned);
      log(
          String.format(
              Locale.ROOT,
              "learned / simple: %.2f x; learned / random: %.2f x",
              learned.matchesPer100() / simple.matchesPer100(),
              learned.matchesPer100() / random.matchesPer100()));
      assertTrue(
          learned.matchesPer100() >= LEARNED_OVER_RANDOM * random.matchesPer100(),
          () -> String.format(Locale.ROOT, "learned %s%nrandom %s", learned, random));
    }
  }

  private static ArmResult find(List<ArmResult> results, Arm arm) {
    return results.stream().filter(r -> r.arm() == arm).findFirst().orElseThrow();
  }

  private static void log(String line) {
    System.out.println("MatchingSimulationIT: " + line);
  }

  /** The started platform, through the tests' own client, mail server and database. */
  static final class TestPlatform implements Harness {
    private String adminToken;
    private Instant adminTokenAt = Instant.EPOCH;

    @Override
    public URI uri(String path) {
      return Platform.uri(path);
    }

    @Override
    public Response send(HttpRequest.Builder request) {
      Reply reply = Platform.send(request); // HTTP/1.1, checked against /openapi
      return new Response(reply.status(), reply.body(), reply.header("Retry-After"));
    }

    @Override
    public String mailedToken(String address, String page) throws InterruptedException {
      return Api.tokenInMail(address, page);
    }

    @Override
    public double[] emptyPlace() {
      return People.somewhereEmpty();
    }

    @Override
    public synchronized String adminToken() {
      if (adminToken == null
          || adminTokenAt.isBefore(Instant.now().minus(Duration.ofMinutes(10)))) {
        try {
          adminToken = RolesIT.adminToken();
        } catch (Exception e) {
          throw new IllegalStateException("cannot sign the admin in", e);
        }
        adminTokenAt = Instant.now();
      }
      return adminToken;
    }

    @Override
    public void beforeSwiping(List<String> accountIds) {
      try (Connection db = Database.connect();
          PreparedStatement grant =
              db.prepareStatement(
                  "insert into entitlement (account_id, name, until)"
                      + " select id, 'UNLIMITED_LIKES', now() + interval '1 day'"
                      + " from unnest(cast(string_to_array(?, ',') as uuid[])) as id")) {
        grant.setString(1, String.join(",", accountIds));
        assertEquals(accountIds.size(), grant.executeUpdate());
      } catch (Exception e) {
        throw new IllegalStateException("cannot lift the likes' cap", e);
      }
    }

    @Override
    public void newDay(List<String> accountIds) {
      try (JedisPooled redis = new JedisPooled(URI.create(Database.state("REDIS_URL", null)))) {
        redis.del(
            accountIds.stream().map(id -> "dating:cache:feedpool:" + id).toArray(String[]::new));
      } catch (Exception e) {
        throw new IllegalStateException("cannot forget the ranked pools", e);
      }
    }
  }
}
