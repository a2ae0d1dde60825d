package app.dating.tools.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Simulated people with hidden preferences, made from a seed (the same seed gives the same people,
 * the same hidden model and the same coin flips, so every arm of a run meets an identical
 * population).
 *
 * <p>The hidden model. Each person {@code v} has a latent trait vector {@code t_v} (K dimensions,
 * standard normal) and an appeal {@code a_v} (standard normal). Each person {@code u} has a taste
 * vector {@code w_u = ρ t_u + sqrt(1 - ρ²) z_u} (people tend to like people like them, ρ = {@value
 * #HOMOPHILY}) and a bias {@code b_u} (selectivity: a low bias likes few). Then
 *
 * <pre>
 *   logit P(u likes v) = μ + b_u + A·a_v + C·⟨w_u, t_v⟩/√K − L·|age_u − age_v|/10 − G·[other city]
 * </pre>
 *
 * <p>Only part of the traits is visible in the profile: of the K dimensions, the first {@code
 * round(K·(1 − hiddenShare))} map to interests (dimension d gives interest {@code 2d+1} when the
 * trait is above {@value #SHOWN_ABOVE}, {@code 2d+2} when below minus that); the rest, the appeal
 * and the selectivity are never shown. Age, gender, the wanted genders, the age range and the
 * distance are in the profile and are hard filters both ways, as on the platform.
 *
 * <p>Whether u likes v is one coin per ordered pair, drawn from the seed ({@link #likes}): whenever
 * u is shown v, in whichever arm, the answer is the same. That is what makes the would-be mutual
 * matches ({@link #mutual}) a fixed set that a ranker can find sooner or later.
 *
 * <p>Geography: three cities 60 km apart on a north–south line from the arm's place (shares 60, 25
 * and 15 %), each person within 8 km of their city's centre. A maximum distance is 30 km (70 %) or
 * 100 km: people of one city always reach each other, of neighbouring cities only when both look
 * 100 km far, of the two outer cities never. The margins (distances within 16 km, 44–76 km, over
 * 100 km) keep the platform's location cells (a few km) from changing who passes the filter.
 */
public final class Population {
  static final int K = 8;
  static final double HOMOPHILY = 0.5;
  static final double SHOWN_ABOVE = 0.6;
  static final double MU = -1.3;
  static final double BIAS_SD = 0.7;
  static final double APPEAL = 1.0;
  static final double TASTE = 1.2;
  static final double AGE = 0.5;
  static final double OTHER_CITY = 0.5;
  static final double CITY_KM = 60;
  static final double[] CITY_SHARES = {0.60, 0.25, 0.15};
  static final int MIN_AGE = 22;
  static final int MAX_AGE = 45;

  /** One simulated person: what the profile says, and what is hidden. */
  public record Person(
      int index,
      String gender,
      List<String> wanted,
      int age,
      int ageMin,
      int ageMax,
      int maxKm,
      int city,
      double northKm,
      double eastKm,
      List<Integer> interests,
      double[] traits,
      double[] taste,
      double appeal,
      double bias) {}

  private final long seed;
  private final double hiddenShare;
  private final List<Person> people;
  private final int[][] eligible;

  private Population(long seed, double hiddenShare, List<Person> people) {
    this.seed = seed;
    this.hiddenShare = hiddenShare;
    this.people = people;
    this.eligible = new int[people.size()][];
    for (Person u : people) {
      List<Integer> them = new ArrayList<>();
      for (Person v : people) {
        if (passesFilters(u, v)) {
          them.add(v.index());
        }
      }
      eligible[u.index()] = them.stream().mapToInt(Integer::intValue).toArray();
    }
  }

  /** {@code n} people from {@code seed}; {@code hiddenShare} of the trait dimensions unseen. */
  public static Population generate(int n, long seed, double hiddenShare) {
    SplittableRandom random = new SplittableRandom(seed);
    int visible = (int) Math.round(K * (1 - hiddenShare));
    List<Person> people = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      double g = random.nextDouble();
      String gender = g < 0.45 || g >= 0.95 ? "man" : "woman";
      String wanted = g < 0.90 ? (gender.equals("man") ? "woman" : "man") : gender;
      int age = MIN_AGE + random.nextInt(MAX_AGE - MIN_AGE + 1);
      int ageMin = Math.max(18, age - 7 - random.nextInt(6));
      int ageMax = Math.min(99, age + 7 + random.nextInt(8));
      int maxKm = random.nextDouble() < 0.7 ? 30 : 100;
      double c = random.nextDouble();
      int city = c < CITY_SHARES[0] ? 0 : c < CITY_SHARES[0] + CITY_SHARES[1] ? 1 : 2;
      double r = 8 * Math.sqrt(random.nextDouble());
      double angle = 2 * Math.PI * random.nextDouble();
      double[] traits = new double[K];
      double[] taste = new double[K];
      for (int d = 0; d < K; d++) {
        traits[d] = gaussian(random);
      }
      for (int d = 0; d < K; d++) {
        taste[d] = HOMOPHILY * traits[d] + Math.sqrt(1 - HOMOPHILY * HOMOPHILY) * gaussian(random);
      }
      List<Integer> interests = new ArrayList<>();
      for (int d = 0; d < visible; d++) {
        if (traits[d] > SHOWN_ABOVE) {
          interests.add(2 * d + 1);
        } else if (traits[d] < -SHOWN_ABOVE) {
          interests.add(2 * d + 2);
        }
      }
      people.add(
          new Person(
              i,
              gender,
              List.of(wanted),
              age,
              ageMin,
              ageMax,
              maxKm,
              city,
              city * CITY_KM + r * Math.cos(angle),
              r * Math.sin(angle),
              List.copyOf(interests),
              traits,
              taste,
              gaussian(random),
              BIAS_SD * gaussian(random)));
    }
    return new Population(seed, hiddenShare, List.copyOf(people));
  }

  private static double gaussian(SplittableRandom random) {
    // Box–Muller; SplittableRandom has no nextGaussian before Java 17's RandomGenerator default.
    double u1 = 1 - random.nextDouble();
    double u2 = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  public List<Person> people() {
    return people;
  }

  public int size() {
    return people.size();
  }

  public Person person(int index) {
    return people.get(index);
  }

  public double hiddenShare() {
    return hiddenShare;
  }

  /** Everyone {@code u} may be shown: the platform's hard filters, both ways. */
  public int[] eligible(int u) {
    return eligible[u];
  }

  /** The hard filters both ways: genders, age ranges, each one's maximum distance. */
  static boolean passesFilters(Person u, Person v) {
    if (u.index() == v.index()) {
      return false;
    }
    if (!u.wanted().contains(v.gender()) || !v.wanted().contains(u.gender())) {
      return false;
    }
    if (v.age() < u.ageMin()
        || v.age() > u.ageMax()
        || u.age() < v.ageMin()
        || u.age() > v.ageMax()) {
      return false;
    }
    double km = kmBetween(u, v);
    return km <= u.maxKm() && km <= v.maxKm();
  }

  static double kmBetween(Person u, Person v) {
    return Math.hypot(u.northKm() - v.northKm(), u.eastKm() - v.eastKm());
  }

  /** The hidden probability that {@code u} likes {@code v} when shown them. */
  public double pLike(int u, int v) {
    Person a = people.get(u);
    Person b = people.get(v);
    double dot = 0;
    for (int d = 0; d < K; d++) {
      dot += a.taste()[d] * b.traits()[d];
    }
    double logit =
        MU
            + a.bias()
            + APPEAL * b.appeal()
            + TASTE * dot / Math.sqrt(K)
            - AGE * Math.abs(a.age() - b.age()) / 10.0
            - (a.city() == b.city() ? 0 : OTHER_CITY);
    return 1 / (1 + Math.exp(-logit));
  }

  /**
   * Whether {@code u} likes {@code v}: one fixed coin per ordered pair, weighted by {@link #pLike}.
   */
  public boolean likes(int u, int v) {
    return coin(u, v) < pLike(u, v);
  }

  /** Whether {@code u} and {@code v} would match if each were shown the other. */
  public boolean mutual(int u, int v) {
    return likes(u, v) && likes(v, u);
  }

  /** A uniform number in [0, 1) fixed by the seed and the ordered pair (SplitMix64's finaliser). */
  double coin(int u, int v) {
    long z = seed * 0x9E3779B97F4A7C15L + ((long) u << 32 | (v & 0xffffffffL));
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z = z ^ (z >>> 31);
    return (z >>> 11) * 0x1.0p-53;
  }
}
