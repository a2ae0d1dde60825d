package app.dating.tools.sim;

import java.util.Arrays;
import java.util.Collection;
import java.util.Set;

/** The simulator's metrics, as plain functions (tested by hand-computed cases). */
public final class Metrics {
  private Metrics() {}

  /**
   * The Gini coefficient of non-negative amounts, one per person (zeros included): {@code Σ_i Σ_j
   * |x_i − x_j| / (2 n² mean)}, computed from the sorted amounts as {@code 2 Σ i·x_(i) / (n Σ x) −
   * (n + 1) / n} (i from 1). 0 when everyone has the same (or nobody has anything), {@code (n−1)/n}
   * when one person has everything.
   */
  public static double gini(long[] amounts) {
    int n = amounts.length;
    if (n == 0) {
      return 0;
    }
    long[] sorted = amounts.clone();
    Arrays.sort(sorted);
    double weighted = 0;
    double total = 0;
    for (int i = 0; i < n; i++) {
      if (sorted[i] < 0) {
        throw new IllegalArgumentException("negative amount " + sorted[i]);
      }
      weighted += (i + 1.0) * sorted[i];
      total += sorted[i];
    }
    return total == 0 ? 0 : 2 * weighted / (n * total) - (n + 1.0) / n;
  }

  /**
   * Recall@k of one feed, of would-be mutual matches: of the {@code relevant} people (those the
   * seeker may be shown, has not swiped yet, and would match: each would like the other), the share
   * among the {@code shown} cards, out of what k cards could hold at most: {@code |shown ∩
   * relevant| / min(k, |relevant|)}. Empty (NaN) when nobody is relevant; such feeds are left out
   * of the average.
   */
  public static double recallAt(int k, Collection<Integer> shown, Set<Integer> relevant) {
    if (relevant.isEmpty()) {
      return Double.NaN;
    }
    long found = shown.stream().limit(k).filter(relevant::contains).count();
    return (double) found / Math.min(k, relevant.size());
  }

  /**
   * The area under the ROC curve of scores against outcomes: the chance that a random positive
   * scores above a random negative, ties counting half (the Mann–Whitney statistic, from ranks with
   * ties averaged). NaN without both a positive and a negative.
   */
  public static double auc(double[] scores, boolean[] positive) {
    int n = scores.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
    double rankSumPositives = 0;
    long positives = 0;
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
        j++;
      }
      double rank = (i + j) / 2.0 + 1; // ranks from 1, averaged over ties
      for (int t = i; t <= j; t++) {
        if (positive[order[t]]) {
          rankSumPositives += rank;
          positives++;
        }
      }
      i = j + 1;
    }
    long negatives = n - positives;
    if (positives == 0 || negatives == 0) {
      return Double.NaN;
    }
    return (rankSumPositives - positives * (positives + 1) / 2.0)
        / ((double) positives * negatives);
  }
}
