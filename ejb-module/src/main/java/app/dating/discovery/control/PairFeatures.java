package app.dating.discovery.control;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;

/**
 * The features of "swiper {@code s} looks at target {@code t}", the model's input, the same in
 * training and in scoring. Three kinds:
 *
 * <ul>
 *   <li>content: shared interests, age gap and where t's age sits in s's range, distance against
 *       s's maximum, t's activity, both genders (one-hot);
 *   <li>population: t's like rate received and how much t was swiped (appeal), s's like rate given
 *       and how much s swiped (selectivity), t's negative signals received; all decayed sums that
 *       move with every swipe ({@link Signals}), without a retrain;
 *   <li>collaborative: s's id as a swiper and t's id as a target, hashed into {@code buckets},
 *       one-hot: in a factorization machine their factor vectors learn taste that the profile does
 *       not show (whom s likes, whom t appeals to). A person the model has not seen has no such
 *       feature (cold start: content and population alone).
 * </ul>
 */
public final class PairFeatures {
  public static final String INTERESTS = "interests";
  public static final String INTERESTS_COUNT = "interests.n";
  public static final String AGE_GAP = "age.gap";
  public static final String AGE_IN_RANGE = "age.pos";
  public static final String DISTANCE = "distance";
  public static final String ACTIVE = "active";
  public static final String APPEAL = "t.likeRateIn";
  public static final String SEEN = "t.swipesIn";
  public static final String NEGATIVE = "t.negativeIn";
  public static final String SELECTIVITY = "s.likeRateOut";
  public static final String SWIPES = "s.swipesOut";

  /**
   * Buckets of the hashed id features: the model's size is bounded by them, not by the population
   * (at 1 M people about four share a bucket; at a few thousand, nearly nobody). Fixed: a model is
   * scored with the buckets it was trained with.
   */
  public static final int BUCKETS = 1 << 18;

  private PairFeatures() {}

  /** Feature names and values, in step. */
  public record Features(String[] names, double[] values) {}

  public static Features of(Person s, Person t, double distanceKm, LocalDate today, int buckets) {
    String[] names = new String[15];
    double[] values = new double[15];
    int n = 0;
    int shared = shared(s.interests(), t.interests());
    int fewer = Math.min(s.interests().size(), t.interests().size());
    names[n] = INTERESTS;
    values[n++] = fewer == 0 ? 0 : (double) shared / fewer;
    names[n] = INTERESTS_COUNT;
    values[n++] = Math.min(1, shared / 5.0);
    names[n] = AGE_GAP;
    values[n++] = Math.min(3, Math.abs(s.age() - t.age()) / 10.0);
    names[n] = AGE_IN_RANGE;
    values[n++] = clamp((t.age() - s.ageMin()) / (double) Math.max(1, s.ageMax() - s.ageMin()));
    names[n] = DISTANCE;
    values[n++] = clamp(distanceKm / Math.max(1, s.maxDistanceKm()));
    long idle =
        t.lastActiveDay() == null
            ? 60
            : Math.max(0, ChronoUnit.DAYS.between(t.lastActiveDay(), today));
    names[n] = ACTIVE;
    values[n++] = Math.exp(-idle / 7.0);
    names[n] = APPEAL;
    values[n++] = t.signals().likeRateIn();
    names[n] = SEEN;
    values[n++] = Math.log1p(t.signals().swipesIn()) / 8;
    names[n] = NEGATIVE;
    values[n++] = Math.min(1, t.signals().negativeIn() / (1 + t.signals().matches()));
    names[n] = SELECTIVITY;
    values[n++] = s.signals().likeRateOut();
    names[n] = SWIPES;
    values[n++] = Math.log1p(s.signals().swipesOut()) / 8;
    names[n] = "s.gender=" + s.gender();
    values[n++] = 1;
    names[n] = "t.gender=" + t.gender();
    values[n++] = 1;
    names[n] = swiperId(s.id(), buckets);
    values[n++] = 1;
    names[n] = targetId(t.id(), buckets);
    values[n++] = 1;
    return new Features(names, values);
  }

  /** The feature of a person as a swiper (their taste). */
  public static String swiperId(UUID id, int buckets) {
    return "s#" + bucket(id, buckets);
  }

  /** The feature of a person as a target (their appeal, to whom). */
  public static String targetId(UUID id, int buckets) {
    return "t#" + bucket(id, buckets);
  }

  /**
   * A person's bucket: their id hashed, so the model's size is bounded by {@code buckets}, not by
   * the population (at 1 M people and 2^18 buckets, about four share one; fewer people, none).
   */
  static int bucket(UUID id, int buckets) {
    long h = id.getMostSignificantBits() * 0x9E3779B97F4A7C15L ^ id.getLeastSignificantBits();
    h ^= h >>> 31;
    h *= 0xBF58476D1CE4E5B9L;
    h ^= h >>> 29;
    return (int) Math.floorMod(h, (long) buckets);
  }

  static int shared(Set<Integer> mine, Set<Integer> theirs) {
    Set<Integer> smaller = mine.size() <= theirs.size() ? mine : theirs;
    Set<Integer> larger = smaller == mine ? theirs : mine;
    int shared = 0;
    for (Integer i : smaller) {
      if (larger.contains(i)) {
        shared++;
      }
    }
    return shared;
  }

  private static double clamp(double x) {
    return Math.max(0, Math.min(1, x));
  }

  /** Great-circle distance in km (the feed's {@code earth_distance}, on a sphere). */
  public static double km(double lat1, double lon1, double lat2, double lon2) {
    double p1 = Math.toRadians(lat1);
    double p2 = Math.toRadians(lat2);
    double dp = p2 - p1;
    double dl = Math.toRadians(lon2 - lon1);
    double a =
        Math.sin(dp / 2) * Math.sin(dp / 2)
            + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
    return 2 * 6371.0 * Math.asin(Math.min(1, Math.sqrt(a)));
  }
}
