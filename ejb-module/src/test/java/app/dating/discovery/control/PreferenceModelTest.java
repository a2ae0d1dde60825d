package app.dating.discovery.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dating.discovery.control.PairFeatures.Features;
import app.dating.discovery.control.PreferenceModel.Labelled;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The model learns taste the profile does not show: everyone looks alike (same age, no interests),
 * each person secretly likes one of two kinds and is of one kind; only who liked whom tells.
 */
class PreferenceModelTest {
  static final LocalDate TODAY = LocalDate.of(2026, 12, 5);
  static final int BUCKETS = 1 << 16;

  record Hidden(Person person, int kind, int taste) {}

  static List<Hidden> people(int n, Random random) {
    List<Hidden> people = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      people.add(
          new Hidden(
              new Person(
                  new UUID(random.nextLong(), random.nextLong()),
                  i % 2 == 0 ? "man" : "woman",
                  30,
                  25,
                  35,
                  50,
                  Set.of(),
                  TODAY,
                  PersonSignals.NONE),
              random.nextInt(2),
              random.nextInt(2)));
    }
    return people;
  }

  static boolean likes(Hidden s, Hidden t, Random random) {
    return random.nextDouble() < (s.taste() == t.kind() ? 0.85 : 0.15);
  }

  static Features features(Hidden s, Hidden t) {
    return PairFeatures.of(s.person(), t.person(), 10, TODAY, BUCKETS);
  }

  static List<Labelled> swipes(List<Hidden> people, int each, Random random) {
    List<Labelled> swipes = new ArrayList<>();
    for (int round = 0; round < each; round++) {
      for (Hidden s : people) {
        Hidden t = people.get(random.nextInt(people.size()));
        if (t != s) {
          swipes.add(new Labelled(features(s, t), likes(s, t, random), 1f));
        }
      }
    }
    return swipes;
  }

  @Test
  void learnsHiddenTasteFromWhoLikedWhom() {
    Random random = new Random(7);
    List<Hidden> people = people(300, random);
    PreferenceModel.Trained trained =
        PreferenceModel.train(swipes(people, 60, random), PreferenceModel.Settings.DEFAULT);

    // New pairs of known people: the model ranks each one's kind of person first.
    int right = 0;
    int asked = 0;
    for (Hidden s : people) {
      for (int k = 0; k < 5; k++) {
        Hidden a = people.get(random.nextInt(people.size()));
        Hidden b = people.get(random.nextInt(people.size()));
        if (a.kind() == b.kind() || a == s || b == s) {
          continue;
        }
        Hidden liked = a.kind() == s.taste() ? a : b;
        Hidden other = liked == a ? b : a;
        asked++;
        right +=
            trained.model().like(features(s, liked)) > trained.model().like(features(s, other))
                ? 1
                : 0;
      }
    }
    double share = (double) right / asked;
    assertTrue(share > 0.8, "the liked kind first in " + share + " of " + asked + " pairs");
    assertTrue(trained.auc() > 0.75, "offline AUC on the newest 20 %: " + trained.auc());
    assertEquals(300 * 60, trained.examples(), 300.0);
  }

  @Test
  void aNewcomerGetsAPredictionFromContentAndPopulationAlone() {
    Random random = new Random(11);
    List<Hidden> people = people(100, random);
    PreferenceModel model =
        PreferenceModel.train(
                swipes(people, 20, random), new PreferenceModel.Settings(4, 2, 0.1, 1))
            .model();
    Hidden newcomer = people(1, random).get(0);
    double p = model.like(features(newcomer, people.get(0)));
    assertTrue(p > 0 && p < 1, "P = " + p);
  }

  @Test
  void aStoredModelPredictsTheSame() {
    Random random = new Random(3);
    List<Hidden> people = people(60, random);
    PreferenceModel model =
        PreferenceModel.train(
                swipes(people, 10, random), new PreferenceModel.Settings(4, 2, 0.1, 1))
            .model();
    PreferenceModel read = PreferenceModel.read(model.bytes());
    List<Features> pairs =
        List.of(features(people.get(0), people.get(1)), features(people.get(2), people.get(3)));
    assertArrayEquals(model.like(pairs), read.like(pairs), 1e-12);
  }
}
