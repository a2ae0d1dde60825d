package app.dating.matching.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.dating.matching.boundary.Matching.PendingSwipe;
import app.dating.matching.entity.SwipeKind;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How a batch of swipes is split into rounds in which no pair of people comes twice. */
class MatchingRoundsTest {
  /**
   * People by letter; Z sorts last as a string (as PostgreSQL orders uuids) and first for {@code
   * UUID.compareTo}.
   */
  private static final Map<Character, UUID> PEOPLE =
      Map.of(
          'A', UUID.fromString("00000000-0000-0000-0000-00000000000a"),
          'B', UUID.fromString("00000000-0000-0000-0000-00000000000b"),
          'C', UUID.fromString("00000000-0000-0000-0000-00000000000c"),
          'D', UUID.fromString("00000000-0000-0000-0000-00000000000d"),
          'Z', UUID.fromString("ffffffff-0000-0000-0000-000000000000"));

  /** "A>B C>D": A swipes on B, then C on D. */
  private static List<PendingSwipe> swipes(String batch) {
    return Arrays.stream(batch.split(" "))
        .map(
            s -> new PendingSwipe(PEOPLE.get(s.charAt(0)), PEOPLE.get(s.charAt(2)), SwipeKind.LIKE))
        .toList();
  }

  /** "0 1 | 2": round one holds the swipes at 0 and 1, round two the one at 2. */
  private static List<List<Integer>> rounds(String expected) {
    return Arrays.stream(expected.split("\\|"))
        .map(round -> Arrays.stream(round.trim().split(" ")).map(Integer::valueOf).toList())
        .toList();
  }

  private static List<Integer> all(List<PendingSwipe> swipes) {
    return IntStream.range(0, swipes.size()).boxed().toList();
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '=',
      value = {
        "A>B = 0",
        "A>B C>D A>C B>D = 0 1 2 3", // four pairs, one round
        "A>B B>A = 0 | 1", // both ways: the second reads the first's swipe (and matches)
        "B>A A>B = 0 | 1",
        "A>B A>B A>B = 0 | 1 | 2", // repeats: each sees the one before
        "A>B C>D B>A A>C D>C A>B = 0 1 3 | 2 4 | 5", // each goes to the first round without its
        // pair
        "A>B B>C C>A = 0 1 2", // a person in several pairs is fine: the lock is per pair
        "Z>A A>Z B>Z Z>B = 0 2 | 1 3", // a pair is the same whichever id is the smaller
      })
  void aPairComesAtMostOnceARoundAndKeepsItsOrder(String batch, String expected) {
    List<PendingSwipe> swipes = swipes(batch);
    assertEquals(rounds(expected), Matching.rounds(swipes, all(swipes)));
  }

  @Test
  void onlyTheGivenSwipesAreSplit() {
    // The batch's swipes on oneself were refused before (0 and 3 here); their indexes are left out.
    List<PendingSwipe> swipes = swipes("A>A A>B B>A C>C C>D");
    assertEquals(List.of(List.of(1, 4), List.of(2)), Matching.rounds(swipes, List.of(1, 2, 4)));
  }

  @Test
  void anEmptyBatchHasNoRounds() {
    assertEquals(List.of(), Matching.rounds(List.of(), List.of()));
    assertEquals(List.of(), Matching.rounds(swipes("A>A"), List.of()));
  }

  @Test
  void theKindDoesNotMatterOnlyThePair() {
    UUID a = PEOPLE.get('A');
    UUID b = PEOPLE.get('B');
    List<PendingSwipe> swipes =
        List.of(
            new PendingSwipe(a, b, SwipeKind.PASS),
            new PendingSwipe(b, a, SwipeKind.SUPERLIKE),
            new PendingSwipe(a, b, SwipeKind.LIKE));
    assertEquals(rounds("0 | 1 | 2"), Matching.rounds(swipes, all(swipes)));
  }
}
