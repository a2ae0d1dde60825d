package app.dating.discovery.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ranking v1: a weighted sum of four signals in [0, 1], each easy to explain.
 *
 * <ul>
 *   <li>activity, 0.35: {@code exp(-days since last active / 7)}, so someone active today counts 1,
 *       a week ago 0.37;
 *   <li>proximity, 0.30: {@code 1 - distance / seeker's maximum distance};
 *   <li>shared interests, 0.20: shared / the smaller of the two interest counts;
 *   <li>like rate, 0.15: likes received / swipes received, smoothed with a Beta(2, 2) prior ({@code
 *       (likes + 2) / (swipes + 4)}) so newcomers start at 0.5 instead of 0 or 1.
 * </ul>
 */
@ApplicationScoped
public class SimpleRanker implements Ranker {
  static final double ACTIVITY = 0.35;
  static final double PROXIMITY = 0.30;
  static final double INTERESTS = 0.20;
  static final double LIKE_RATE = 0.15;

  @Override
  public List<Candidate> rank(Seeker seeker, List<Candidate> candidates) {
    Map<Candidate, Double> scores = new IdentityHashMap<>();
    candidates.forEach(c -> scores.put(c, score(seeker, c)));
    return candidates.stream()
        .sorted(
            Comparator.comparingDouble((Candidate c) -> -scores.get(c))
                .thenComparing(Candidate::accountId))
        .toList();
  }

  /** The score of one candidate for the seeker, in [0, 1]. */
  public double score(Seeker seeker, Candidate candidate) {
    long idle =
        candidate.lastActiveDay() == null
            ? 60
            : Math.max(0, ChronoUnit.DAYS.between(candidate.lastActiveDay(), seeker.today()));
    double activity = Math.exp(-idle / 7.0);
    double proximity =
        Math.max(0, 1 - candidate.distanceKm() / Math.max(1, seeker.maxDistanceKm()));
    double interests = shared(seeker.interests(), candidate.interests());
    double likeRate =
        (candidate.likesIn() + 2.0) / (candidate.likesIn() + candidate.passesIn() + 4.0);
    return ACTIVITY * activity
        + PROXIMITY * proximity
        + INTERESTS * interests
        + LIKE_RATE * likeRate;
  }

  static double shared(Set<Integer> mine, Set<Integer> theirs) {
    if (mine.isEmpty() || theirs.isEmpty()) {
      return 0;
    }
    Set<Integer> both = new HashSet<>(mine);
    both.retainAll(theirs);
    return (double) both.size() / Math.min(mine.size(), theirs.size());
  }
}
