package app.dating.discovery.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReciprocalTest {

  @ParameterizedTest
  @CsvSource({
    "0.5, 0.5, 0.5",
    "1.0, 1.0, 1.0",
    "0.9, 0.1, 0.18",
    "0.0, 1.0, 0.0",
    "0.0, 0.0, 0.0",
    "0.6, 0.3, 0.4"
  })
  void isTheHarmonicMean(double p, double q, double expected) {
    assertEquals(expected, Reciprocal.score(p, q), 1e-9);
    assertEquals(expected, Reciprocal.score(q, p), 1e-9, "the same both ways");
  }

  @Test
  void someoneWhoWouldNotLikeTheSeekerBackRanksBelowAMutualChance() {
    double oneSided = Reciprocal.score(0.95, 0.05); // the seeker's dream, who would pass
    double mutual = Reciprocal.score(0.5, 0.5);
    assertTrue(oneSided < mutual, oneSided + " < " + mutual);
    assertTrue((0.95 + 0.05) / 2 >= 0.5, "a plain mean could not tell them apart");
  }

  @Test
  void outOfRangeChancesAreClamped() {
    assertEquals(1.0, Reciprocal.score(1.5, 2), 1e-9);
    assertEquals(0.0, Reciprocal.score(Double.NaN, 0.5), 1e-9);
  }
}
