package app.dating.discovery.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dating.discovery.control.FeedOrder.Ordered;
import app.dating.discovery.control.FeedOrder.Scored;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FeedOrderTest {
  static final FeedOrder NO_RULES = new FeedOrder(0, 10, 0);

  /** n people, scores falling with the index; each flagged as asked. */
  static List<Scored> people(
      int n, Set<Integer> likedMe, Set<Integer> explore, Set<Integer> capped) {
    List<Scored> people = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      people.add(
          new Scored(
              new UUID(0, i),
              1.0 - i / 1000.0,
              likedMe.contains(i),
              explore.contains(i),
              capped.contains(i) ? 1000 : 0));
    }
    return people;
  }

  static List<Integer> indexes(Ordered ordered) {
    return ordered.ids().stream().map(id -> (int) id.getLeastSignificantBits()).toList();
  }

  @Test
  void withoutRulesItIsTheScoreOrder() {
    List<Scored> people = people(5, Set.of(), Set.of(), Set.of());
    List<Scored> shuffled =
        List.of(people.get(3), people.get(0), people.get(4), people.get(1), people.get(2));
    assertEquals(List.of(0, 1, 2, 3, 4), indexes(NO_RULES.order(shuffled)));
  }

  @Test
  void atMostTwoOfEachTenAlreadyLikedTheSeeker() {
    // The five best all liked the seeker (they get P = 1 back): two lead, the rest wait.
    Ordered ordered =
        new FeedOrder(0, 2, 0).order(people(25, Set.of(0, 1, 2, 3, 4), Set.of(), Set.of()));
    List<Integer> order = indexes(ordered);
    assertEquals(List.of(0, 1, 5, 6, 7, 8, 9, 10, 11, 12), order.subList(0, 10));
    assertEquals(List.of(2, 3), order.subList(10, 12), "the next ten may hold two more");
    for (int block = 0; block * 10 < order.size(); block++) {
      long liked =
          order.subList(block * 10, Math.min(order.size(), block * 10 + 10)).stream()
              .filter(i -> i < 5)
              .count();
      assertTrue(liked <= 2, "block " + block + ": " + liked);
    }
    assertEquals(25, Set.copyOf(order).size(), "nobody dropped");
  }

  @Test
  void whenOnlyPeopleWhoLikedTheSeekerAreLeftTheyAreShown() {
    assertEquals(
        List.of(0, 1, 2),
        indexes(new FeedOrder(0, 1, 0).order(people(3, Set.of(0, 1, 2), Set.of(), Set.of()))));
  }

  @Test
  void theExplorationShareGoesToNewcomersAndIsMeasured() {
    // 100 people; the newcomers (rarely shown) are the 20 worst scored.
    Set<Integer> newcomers =
        java.util.stream.IntStream.range(80, 100).boxed().collect(Collectors.toSet());
    Ordered ordered = new FeedOrder(0.1, 2, 0).order(people(100, Set.of(), newcomers, Set.of()));
    List<Integer> order = indexes(ordered);
    assertEquals(10, ordered.explored(), "a tenth of 100 slots");
    for (int slot = 9; slot < 100; slot += 10) {
      assertTrue(
          newcomers.contains(order.get(slot)), "slot " + slot + " explores: " + order.get(slot));
    }
    assertEquals(
        List.of(80, 81, 82),
        List.of(order.get(9), order.get(19), order.get(29)),
        "best newcomers first");
    long explorersInFirst50 = order.subList(0, 50).stream().filter(newcomers::contains).count();
    assertEquals(5, explorersInFirst50);
    assertEquals(
        0, new FeedOrder(0, 2, 0).order(people(100, Set.of(), newcomers, Set.of())).explored());
  }

  @Test
  void thoseShownTheirDailyCapGoLast() {
    Ordered ordered = new FeedOrder(0, 2, 500).order(people(6, Set.of(), Set.of(), Set.of(0, 2)));
    assertEquals(List.of(1, 3, 4, 5, 0, 2), indexes(ordered));
    assertEquals(
        List.of(0, 1, 2, 3, 4, 5),
        indexes(new FeedOrder(0, 2, 0).order(people(6, Set.of(), Set.of(), Set.of(0, 2)))),
        "a cap of 0 is none");
  }
}
