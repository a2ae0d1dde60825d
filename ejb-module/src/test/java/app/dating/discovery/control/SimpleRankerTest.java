package app.dating.discovery.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SimpleRankerTest {
  private static final double EPSILON = 1e-9;
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
  private static final int MAX_KM = 40;

  /** The like rate's share for someone nobody swiped yet: the Beta(2, 2) prior's mean, 0.5. */
  private static final double NEWCOMER = SimpleRanker.LIKE_RATE * 0.5;

  private final SimpleRanker ranker = new SimpleRanker();

  private static Seeker seeker(int maxDistanceKm, Set<Integer> interests) {
    return new Seeker(
        UUID.randomUUID(),
        "woman",
        List.of("man"),
        30,
        25,
        35,
        maxDistanceKm,
        52.52,
        13.40,
        interests,
        TODAY);
  }

  private static Seeker seeker() {
    return seeker(MAX_KM, Set.of());
  }

  private static Candidate candidate(
      double km, LocalDate lastActive, Set<Integer> interests, int likes, int passes) {
    return new Candidate(UUID.randomUUID(), km, lastActive, interests, likes, passes);
  }

  /**
   * Someone who scores on one signal at most: at the edge of the distance, no interests, never
   * swiped.
   */
  private static Candidate far(LocalDate lastActive) {
    return candidate(MAX_KM, lastActive, Set.of(), 0, 0);
  }

  private static Set<Integer> set(String spaceSeparated) {
    return spaceSeparated.isBlank()
        ? Set.of()
        : Arrays.stream(spaceSeparated.trim().split(" "))
            .map(Integer::valueOf)
            .collect(Collectors.toSet());
  }

  @Test
  void theWeightsShareOne() {
    assertEquals(
        1.0,
        SimpleRanker.ACTIVITY
            + SimpleRanker.PROXIMITY
            + SimpleRanker.INTERESTS
            + SimpleRanker.LIKE_RATE,
        EPSILON);
  }

  @Test
  void theBestCandidateScoresNearlyOneAndTheWorstNearlyNothing() {
    Seeker seeker = seeker(MAX_KM, Set.of(1, 2, 3));
    Candidate best = candidate(0, TODAY, Set.of(1, 2, 3), 1_000_000, 0);
    Candidate worst = candidate(500, null, Set.of(), 0, 1_000_000);
    assertEquals(1.0, ranker.score(seeker, best), 1e-6);
    assertEquals(SimpleRanker.ACTIVITY * Math.exp(-60 / 7.0), ranker.score(seeker, worst), 1e-6);
  }

  @ParameterizedTest(name = "last active {0} days ago: activity {1}")
  @CsvSource({
    "0, 1.0",
    "1, 0.8668778997501816", // exp(-1/7)
    "7, 0.36787944117144233", // exp(-1): a week ago
    "14, 0.1353352832366127", // exp(-2)
    "-3, 1.0", // a day after the seeker's (time zones): not better than today
  })
  void activityDecaysWeekByWeek(int daysAgo, double activity) {
    double score = ranker.score(seeker(), far(TODAY.minusDays(daysAgo)));
    assertEquals(SimpleRanker.ACTIVITY * activity + NEWCOMER, score, EPSILON);
  }

  @Test
  void someoneNeverSeenActiveCountsAsTwoMonthsAway() {
    assertEquals(
        ranker.score(seeker(), far(TODAY.minusDays(60))),
        ranker.score(seeker(), far(null)),
        EPSILON);
  }

  @ParameterizedTest(name = "{0} km of at most {1}: proximity {2}")
  @CsvSource({
    "0, 40, 1.0",
    "10, 40, 0.75",
    "20, 40, 0.5",
    "40, 40, 0.0",
    "55, 40, 0.0", // farther than the seeker's maximum (the candidate's own radius let them in):
    // never negative
    "0.5, 0, 0.5", // a maximum of 0 km counts as 1 km: no division by zero
  })
  void proximityFallsLinearlyToTheSeekersMaximumDistance(double km, int maxKm, double proximity) {
    Candidate candidate = candidate(km, TODAY.minusDays(10_000), Set.of(), 0, 0);
    double score = ranker.score(seeker(maxKm, Set.of()), candidate);
    assertEquals(SimpleRanker.PROXIMITY * proximity + NEWCOMER, score, 1e-6);
  }

  @ParameterizedTest(name = "[{0}] and [{1}] share {2}")
  @CsvSource({
    "'', '', 0.0",
    "'', 1 2, 0.0",
    "1 2, '', 0.0",
    "1 2 3, 4 5 6, 0.0",
    "1 2, 2 3, 0.5",
    "1, 1 2 3 4, 1.0", // all of the smaller set: someone with few interests is not punished for it
    "1 2 3 4, 1 2 5 6 7 8 9 10, 0.5",
    "1 2 3, 3 2 1, 1.0",
  })
  void sharedInterestsCountAgainstTheSmallerSet(String mine, String theirs, double shared) {
    assertEquals(shared, SimpleRanker.shared(set(mine), set(theirs)), EPSILON);
    assertEquals(shared, SimpleRanker.shared(set(theirs), set(mine)), EPSILON, "symmetric");
    double score =
        ranker.score(seeker(MAX_KM, set(mine)), candidate(MAX_KM, null, set(theirs), 0, 0));
    assertEquals(
        SimpleRanker.ACTIVITY * Math.exp(-60 / 7.0) + SimpleRanker.INTERESTS * shared + NEWCOMER,
        score,
        EPSILON);
  }

  @ParameterizedTest(name = "{0} likes, {1} passes: like rate {2}")
  @CsvSource({
    "0, 0, 0.5", // a newcomer starts in the middle, not at 0 or 1
    "1, 0, 0.6", // one like is not a perfect record
    "0, 1, 0.4",
    "8, 0, 0.8333333333333334",
    "0, 8, 0.16666666666666666",
    "50, 50, 0.5",
    "900, 100, 0.898406374501992",
  })
  void likeRateIsSmoothedByABetaPrior(int likes, int passes, double likeRate) {
    Candidate candidate = candidate(MAX_KM, TODAY.minusDays(10_000), Set.of(), likes, passes);
    assertEquals(SimpleRanker.LIKE_RATE * likeRate, ranker.score(seeker(), candidate), 1e-6);
  }

  @Test
  void ranksBestFirstAndKeepsEveryone() {
    Candidate active = candidate(20, TODAY, Set.of(), 0, 0);
    Candidate near = candidate(1, TODAY.minusDays(30), Set.of(), 0, 0);
    Candidate idle = candidate(20, TODAY.minusDays(30), Set.of(), 0, 0);
    Candidate liked = candidate(20, TODAY.minusDays(30), Set.of(), 40, 0);
    List<Candidate> ranked = ranker.rank(seeker(), List.of(idle, liked, near, active));
    assertEquals(List.of(active, near, liked, idle), ranked);
  }

  @Test
  void equalScoresGoInAccountOrderSoThePoolIsStable() {
    Candidate a = new Candidate(new UUID(0, 1), 5, TODAY, Set.of(), 0, 0);
    Candidate b = new Candidate(new UUID(0, 2), 5, TODAY, Set.of(), 0, 0);
    Candidate c = new Candidate(new UUID(0, 3), 5, TODAY, Set.of(), 0, 0);
    assertEquals(List.of(a, b, c), ranker.rank(seeker(), List.of(c, a, b)));
    assertEquals(List.of(a, b, c), ranker.rank(seeker(), List.of(b, c, a)));
  }

  @Test
  void nobodyToRankGivesNobody() {
    assertTrue(ranker.rank(seeker(), List.of()).isEmpty());
  }
}
