package app.dating.discovery.control;

import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dating.discovery.control.PairFeatures.Features;
import app.dating.discovery.control.PreferenceModel.Labelled;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The integration test's case, in memory: six men alike in every visible way, three of kind A and
 * three of kind B; ten women like A and pass B, ten the other way round. Two seekers swiped one A
 * and one B each, oppositely. After training, each seeker's unseen men of her kind come first:
 * taste that neither the profile nor the like rates (equal for all six) show.
 */
class SmallTasteTest {
  static final LocalDate TODAY = LocalDate.of(2026, 12, 5);
  static int n;

  static Person person(String gender) {
    return new Person(
        new UUID(7, n++), gender, 30, 18, 99, 100, Set.of(1, 2), TODAY, PersonSignals.NONE);
  }

  static Features f(Person s, Person t) {
    return PairFeatures.of(s, t, 5, TODAY, PairFeatures.BUCKETS);
  }

  @Test
  void twoSeekersWhoseSwipesDifferGetTheirOwnKindFirst() {
    List<Person> a = List.of(person("man"), person("man"), person("man"));
    List<Person> b = List.of(person("man"), person("man"), person("man"));
    List<Labelled> swipes = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      Person rater = person("woman");
      boolean likesA = i % 2 == 0;
      for (Person m : a) {
        swipes.add(new Labelled(f(rater, m), likesA, 1f));
      }
      for (Person m : b) {
        swipes.add(new Labelled(f(rater, m), !likesA, 1f));
      }
    }
    Person w1 = person("woman");
    Person w2 = person("woman");
    swipes.add(new Labelled(f(w1, a.get(0)), true, 1f));
    swipes.add(new Labelled(f(w1, b.get(0)), false, 1f));
    swipes.add(new Labelled(f(w2, b.get(0)), true, 1f));
    swipes.add(new Labelled(f(w2, a.get(0)), false, 1f));

    PreferenceModel model =
        PreferenceModel.train(swipes, new PreferenceModel.Settings(8, 5, 0.1, 42)).model();
    for (int i = 1; i < 3; i++) {
      for (int j = 1; j < 3; j++) {
        double w1a = model.like(f(w1, a.get(i)));
        double w1b = model.like(f(w1, b.get(j)));
        double w2a = model.like(f(w2, a.get(i)));
        double w2b = model.like(f(w2, b.get(j)));
        assertTrue(w1a > w1b, "w1: A " + w1a + " > B " + w1b);
        assertTrue(w2b > w2a, "w2: B " + w2b + " > A " + w2a);
      }
    }
  }
}
