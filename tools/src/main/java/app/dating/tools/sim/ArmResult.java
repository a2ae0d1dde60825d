package app.dating.tools.sim;

import java.util.Locale;

/**
 * What one arm measured.
 *
 * @param arm the arm
 * @param mode how it ranked: {@code server:<ranker>} or {@code client:<policy> over <ranker>}
 * @param people simulated people
 * @param swipes swipes made (people × days × cards, less when a feed ran short)
 * @param likes of those, likes
 * @param matches mutual matches made
 * @param matchesPer100 matches per 100 swipes
 * @param shareMatched share of people with at least one match
 * @param recallAt10 mean over feeds of {@link Metrics#recallAt} with k = the cards a day
 * @param impressionsGini Gini of the times each person was shown
 * @param matchesGini Gini of matches per person
 * @param aucHidden offline AUC of the hidden P(like) on the later swipes (the ceiling: the coins
 *     are noise no model can learn)
 * @param aucPopularity offline AUC of the like rate each candidate had in the earlier swipes
 * @param aucServer the AUC the retrain answer reported (NaN when none)
 * @param errors answers other than the expected ones while swiping and fetching feeds
 * @param seconds wall time of the arm (registration included)
 * @param retrainSeconds total time spent in retrains
 * @param retrains retrains that made a new model (the learned arm; a 409, too few swipes yet, is
 *     not one)
 */
public record ArmResult(
    Arm arm,
    String mode,
    int people,
    long swipes,
    long likes,
    long matches,
    double matchesPer100,
    double shareMatched,
    double recallAt10,
    double impressionsGini,
    double matchesGini,
    double aucHidden,
    double aucPopularity,
    double aucServer,
    long errors,
    double seconds,
    double retrainSeconds,
    int retrains) {

  static final String HEADER =
      String.format(
          Locale.ROOT,
          "%-10s %-32s %8s %7s %6s %9s %8s %8s %8s %8s %7s %7s %7s %6s %7s",
          "arm",
          "mode",
          "swipes",
          "likes",
          "match",
          "m/100sw",
          "≥1 match",
          "recall10",
          "giniExp",
          "giniMatch",
          "aucHid",
          "aucPop",
          "aucSrv",
          "errors",
          "secs");

  String row() {
    return String.format(
        Locale.ROOT,
        "%-10s %-32s %8d %7d %6d %9.2f %8.3f %8.3f %8.3f %8.3f %7.3f %7.3f %7.3f %6d %7.0f",
        arm.label(),
        mode,
        swipes,
        likes,
        matches,
        matchesPer100,
        shareMatched,
        recallAt10,
        impressionsGini,
        matchesGini,
        aucHidden,
        aucPopularity,
        aucServer,
        errors,
        seconds);
  }
}
