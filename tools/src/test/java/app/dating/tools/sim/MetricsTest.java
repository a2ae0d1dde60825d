package app.dating.tools.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The metrics against values computed by hand. */
class MetricsTest {
  private static final double EPS = 1e-12;

  @Test
  void giniIsZeroWhenEveryoneHasTheSameOrNothing() {
    assertEquals(0, Metrics.gini(new long[] {3, 3, 3, 3}), EPS);
    assertEquals(0, Metrics.gini(new long[] {0, 0, 0}), EPS);
    assertEquals(0, Metrics.gini(new long[] {}), EPS);
  }

  @Test
  void giniOfOneHoldingEverythingIsNMinusOneOverN() {
    // Σ|xi − xj| over ordered pairs = 2·3·4 = 24; / (2·n²·mean) = 24 / (2·16·1) = 0.75
    assertEquals(0.75, Metrics.gini(new long[] {0, 4, 0, 0}), EPS);
  }

  @Test
  void giniOfOneTwoThreeFour() {
    // pairs |1−2| 1, |1−3| 2, |1−4| 3, |2−3| 1, |2−4| 2, |3−4| 1: 10, ×2 ordered = 20;
    // 2·n²·mean = 2·16·2.5 = 80: 20 / 80 = 0.25, whatever the order given
    assertEquals(0.25, Metrics.gini(new long[] {4, 2, 1, 3}), EPS);
  }

  @Test
  void giniOfFiveAndFiveZeros() {
    // {0, 0, 10}: ordered pairs 2·(10 + 10) = 40; 2·9·(10/3) = 60: 2/3
    assertEquals(2.0 / 3, Metrics.gini(new long[] {0, 10, 0}), EPS);
  }

  @Test
  void giniRefusesNegativeAmounts() {
    assertThrows(IllegalArgumentException.class, () -> Metrics.gini(new long[] {1, -1}));
  }

  @Test
  void recallCountsTheRelevantShownOutOfWhatTheCardsCouldHold() {
    // two relevant, one of them shown: 1 / min(10, 2)
    assertEquals(0.5, Metrics.recallAt(10, List.of(1, 2, 3), Set.of(2, 9)), EPS);
    // twelve relevant, three of them shown among ten cards: 3 / min(10, 12)
    Set<Integer> twelve = Set.of(1, 2, 3, 20, 21, 22, 23, 24, 25, 26, 27, 28);
    assertEquals(0.3, Metrics.recallAt(10, List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), twelve), EPS);
    // only the first k cards count
    assertEquals(0.0, Metrics.recallAt(2, List.of(5, 6, 7), Set.of(7)), EPS);
    assertEquals(1.0, Metrics.recallAt(3, List.of(5, 6, 7), Set.of(7)), EPS);
  }

  @Test
  void recallIsUndefinedWithNobodyRelevant() {
    assertTrue(Double.isNaN(Metrics.recallAt(10, List.of(1, 2), Set.of())));
  }

  @Test
  void aucIsTheShareOfPositiveNegativePairsInOrder() {
    // positives 0.9, 0.7; negatives 0.8, 0.6: (0.9>0.8, 0.9>0.6, 0.7<0.8, 0.7>0.6) = 3/4
    assertEquals(
        0.75,
        Metrics.auc(new double[] {0.9, 0.8, 0.7, 0.6}, new boolean[] {true, false, true, false}),
        EPS);
    assertEquals(1.0, Metrics.auc(new double[] {0.1, 0.9}, new boolean[] {false, true}), EPS);
    assertEquals(0.0, Metrics.auc(new double[] {0.1, 0.9}, new boolean[] {true, false}), EPS);
  }

  @Test
  void aucCountsTiesAsHalf() {
    // positive 0.5 vs negatives 0.5 (tie, ½) and 0.2 (1): 1.5 / 2
    assertEquals(
        0.75, Metrics.auc(new double[] {0.5, 0.5, 0.2}, new boolean[] {true, false, false}), EPS);
    assertTrue(Double.isNaN(Metrics.auc(new double[] {0.5}, new boolean[] {true})));
  }
}
