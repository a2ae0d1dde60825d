package app.dating.discovery.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dating.discovery.control.PairFeatures.Features;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PairFeaturesTest {
  static final LocalDate TODAY = LocalDate.of(2026, 12, 5);
  static final UUID ANN = UUID.fromString("00000000-0000-0000-0000-00000000000a");
  static final UUID BOB = UUID.fromString("00000000-0000-0000-0000-00000000000b");

  static Map<String, Double> map(Features f) {
    Map<String, Double> m = new HashMap<>();
    for (int i = 0; i < f.names().length; i++) {
      m.put(f.names()[i], f.values()[i]);
    }
    return m;
  }

  @Test
  void contentPopulationAndIdFeaturesOfOneDirection() {
    Person ann =
        new Person(
            ANN,
            "woman",
            30,
            28,
            38,
            20,
            Set.of(1, 2, 3),
            TODAY,
            new PersonSignals(0, 0, 10, 2, 0, 0, 0, 0));
    Person bob =
        new Person(
            BOB,
            "man",
            33,
            25,
            35,
            50,
            Set.of(2, 3, 4, 5),
            TODAY.minusDays(7),
            new PersonSignals(8, 8, 0, 0, 2, 1, 40, 3));
    Map<String, Double> f = map(PairFeatures.of(ann, bob, 10, TODAY, 1024));

    assertEquals(2.0 / 3, f.get(PairFeatures.INTERESTS), 1e-9, "2 shared of ann's 3");
    assertEquals(0.4, f.get(PairFeatures.INTERESTS_COUNT), 1e-9);
    assertEquals(0.3, f.get(PairFeatures.AGE_GAP), 1e-9);
    assertEquals(0.5, f.get(PairFeatures.AGE_IN_RANGE), 1e-9, "33 in 28..38");
    assertEquals(0.5, f.get(PairFeatures.DISTANCE), 1e-9, "10 of ann's 20 km");
    assertEquals(Math.exp(-1), f.get(PairFeatures.ACTIVE), 1e-9, "bob active a week ago");
    assertEquals(0.5, f.get(PairFeatures.APPEAL), 1e-9, "(8 + 2) / (16 + 4)");
    assertEquals(0.75, f.get(PairFeatures.SELECTIVITY), 1e-9, "ann's (10 + 2) / (12 + 4)");
    assertEquals(1.0, f.get(PairFeatures.NEGATIVE), 1e-9, "2 negatives against 1 match");
    assertEquals(1.0, f.get("s.gender=woman"));
    assertEquals(1.0, f.get("t.gender=man"));
    assertEquals(1.0, f.get(PairFeatures.swiperId(ANN, 1024)), "ann's taste");
    assertEquals(1.0, f.get(PairFeatures.targetId(BOB, 1024)), "bob's appeal");
    assertEquals(15, f.size());
  }

  @Test
  void theOtherDirectionSwapsTheRoles() {
    Person ann = new Person(ANN, "woman", 30, 28, 38, 20, Set.of(), TODAY, PersonSignals.NONE);
    Person bob = new Person(BOB, "man", 33, 25, 35, 50, Set.of(), TODAY, PersonSignals.NONE);
    Map<String, Double> back = map(PairFeatures.of(bob, ann, 10, TODAY, 1024));
    assertEquals(0.2, back.get(PairFeatures.DISTANCE), 1e-9, "10 of bob's 50 km");
    assertEquals(0.5, back.get(PairFeatures.AGE_IN_RANGE), 1e-9, "30 in 25..35");
    assertTrue(back.containsKey(PairFeatures.swiperId(BOB, 1024)));
    assertTrue(back.containsKey(PairFeatures.targetId(ANN, 1024)));
    assertEquals(0.0, back.get(PairFeatures.INTERESTS), "no interests: nothing shared");
  }

  @Test
  void bucketsSpreadPeopleAndStayInRange() {
    java.util.Random random = new java.util.Random(1);
    int[] counts = new int[16];
    for (int i = 0; i < 16_000; i++) {
      int b = PairFeatures.bucket(new UUID(random.nextLong(), random.nextLong()), 16);
      counts[b]++;
    }
    for (int c : counts) {
      assertTrue(c > 800 && c < 1200, java.util.Arrays.toString(counts));
    }
    assertNotEquals(
        PairFeatures.bucket(ANN, PairFeatures.BUCKETS),
        PairFeatures.bucket(BOB, PairFeatures.BUCKETS));
  }

  @Test
  void greatCircleDistance() {
    assertEquals(343.5, PairFeatures.km(51.5074, -0.1278, 48.8566, 2.3522), 1.0, "London–Paris");
    assertEquals(0, PairFeatures.km(10, 10, 10, 10), 1e-9);
  }

  @Test
  void trainingWeightsDecayWithAgeAndQuickSwipesCountHalf() {
    double day = 86_400;
    assertEquals(1.0, ModelTraining.weight(0, 30 * day, "LIKE", null), 1e-6);
    assertEquals(0.5, ModelTraining.weight((long) (30 * day), 30 * day, "PASS", 5000), 1e-6);
    assertEquals(0.5, ModelTraining.weight(0, 30 * day, "PASS", 400), 1e-6);
    assertEquals(1.5, ModelTraining.weight(0, 30 * day, "SUPERLIKE", 2000), 1e-6);
  }
}
