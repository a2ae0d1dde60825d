package app.dating.tools.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The simulated population: the same seed, the same people; filters both ways; fixed coins. */
class PopulationTest {
  private final Population population = Population.generate(600, 42, 0.5);

  @Test
  void theSameSeedMakesTheSamePeopleAndCoins() {
    Population again = Population.generate(600, 42, 0.5);
    for (int u = 0; u < 600; u += 37) {
      assertEquals(population.person(u).age(), again.person(u).age());
      assertEquals(population.person(u).interests(), again.person(u).interests());
      for (int v = 0; v < 600; v += 53) {
        assertEquals(population.likes(u, v), again.likes(u, v));
      }
    }
  }

  @Test
  void eligibilityIsSymmetricAndNeverSelf() {
    for (int u = 0; u < population.size(); u++) {
      for (int v : population.eligible(u)) {
        assertTrue(u != v);
        int back = u;
        assertTrue(
            java.util.Arrays.stream(population.eligible(v)).anyMatch(x -> x == back),
            u + " sees " + v + " but not the other way");
      }
    }
  }

  @Test
  void outerCitiesNeverMeetAndDistancesKeepAMarginFromTheLimits() {
    for (Population.Person u : population.people()) {
      for (Population.Person v : population.people()) {
        double km = Population.kmBetween(u, v);
        int apart = Math.abs(u.city() - v.city());
        if (apart == 0) {
          assertTrue(km <= 16.0001, km + " km in one city");
        } else if (apart == 1) {
          assertTrue(km >= 44 && km <= 76, km + " km between neighbours");
        } else {
          assertTrue(km > 100 + 4);
          assertFalse(Population.passesFilters(u, v));
        }
      }
    }
  }

  @Test
  void aboutAQuarterToAThirdOfShownPeopleAreLikedAndOnlyVisibleTraitsBecomeInterests() {
    double sum = 0;
    int pairs = 0;
    for (int u = 0; u < population.size(); u++) {
      for (int v : population.eligible(u)) {
        sum += population.pLike(u, v);
        pairs++;
      }
      for (int interest : population.person(u).interests()) {
        assertTrue(interest >= 1 && interest <= 8, "interest " + interest + " of hidden traits");
      }
    }
    double rate = sum / pairs;
    assertTrue(rate > 0.2 && rate < 0.4, "like rate " + rate);
  }

  @Test
  void coinsAreUniform() {
    int below = 0;
    int n = 0;
    for (int u = 0; u < 300; u++) {
      for (int v = 0; v < 300; v++) {
        below += population.coin(u, v) < 0.3 ? 1 : 0;
        n++;
      }
    }
    assertEquals(0.3, (double) below / n, 0.01);
  }
}
