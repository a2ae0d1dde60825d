package app.dating.discovery.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StableRoommatesTest {

  /** A blocking pair of {@code partner} under {@code lists}: two who prefer each other, or null. */
  static int[] blockingPair(int[][] lists, int[] partner) {
    int[][] mutual = StableRoommates.mutual(lists);
    for (int i = 0; i < mutual.length; i++) {
      for (int j : mutual[i]) {
        if (j > i
            && partner[i] != j
            && prefers(mutual[i], j, partner[i])
            && prefers(mutual[j], i, partner[j])) {
          return new int[] {i, j};
        }
      }
    }
    return null;
  }

  /** Whether someone with {@code list} prefers {@code a} to their partner {@code current}. */
  private static boolean prefers(int[] list, int a, int current) {
    int ra = StableRoommates.indexOf(list, a);
    return ra >= 0 && (current < 0 || ra < StableRoommates.indexOf(list, current));
  }

  private static void assertMatching(int[][] lists, int[] partner) {
    int[][] mutual = StableRoommates.mutual(lists);
    for (int i = 0; i < partner.length; i++) {
      if (partner[i] >= 0) {
        assertEquals(i, partner[partner[i]], "symmetric at " + i);
        assertTrue(StableRoommates.indexOf(mutual[i], partner[i]) >= 0, "acceptable at " + i);
      }
    }
  }

  private static void assertStable(int[][] lists, StableRoommates.Result result) {
    assertMatching(lists, result.partner());
    assertTrue(result.stable(), "reported stable");
    int[] blocking = blockingPair(lists, result.partner());
    assertEquals(null, blocking == null ? null : Arrays.toString(blocking), "no blocking pair");
  }

  /** Irving's six-person example (1985): the stable matching {1-6, 2-4, 3-5} in 1-based ids. */
  @Test
  void irvingsExampleHasItsStableMatching() {
    int[][] lists = {
      {2, 3, 1, 5, 4}, // 1: 3 4 2 6 5
      {5, 4, 3, 0, 2}, // 2: 6 5 4 1 3
      {1, 3, 4, 0, 5}, // 3: 2 4 5 1 6
      {4, 1, 2, 5, 0}, // 4: 5 2 3 6 1
      {2, 0, 1, 3, 5}, // 5: 3 1 2 4 6
      {4, 0, 2, 3, 1} // 6: 5 1 3 4 2
    };
    StableRoommates.Result result = StableRoommates.solve(lists);
    assertStable(lists, result);
    assertArrayEquals(new int[] {5, 3, 4, 1, 2, 0}, result.partner());
  }

  /** Two who are each other's first choice are always paired, whatever the others want. */
  @Test
  void twoWhoPutEachOtherFirstArePaired() {
    int[][] lists = {{1, 2, 3}, {0, 3, 2}, {0, 1, 3}, {0, 1, 2}};
    StableRoommates.Result result = StableRoommates.solve(lists);
    assertStable(lists, result);
    assertEquals(1, result.partner()[0]);
    assertEquals(3, result.partner()[2]);
  }

  /**
   * Men 0–2 want women 3–5 and the other way round (the Hinge case): the roommates algorithm finds
   * a stable marriage, here the one both sides agree on.
   */
  @Test
  void menAndWomenGetAStableMarriage() {
    int[][] lists = {
      {3, 4, 5}, {4, 3, 5}, {3, 5, 4}, // men
      {2, 0, 1}, {0, 1, 2}, {2, 1, 0} // women
    };
    StableRoommates.Result result = StableRoommates.solve(lists);
    assertStable(lists, result);
    // man 2 and woman 3 put each other first; then man 0 and woman 4 (each other's best left)
    assertEquals(3, result.partner()[2]);
    assertEquals(4, result.partner()[0]);
    assertEquals(5, result.partner()[1]);
  }

  /** Women who want women, among people who want someone else: only mutual interest counts. */
  @Test
  void sameSexPairsFormAndOneSidedInterestIsIgnored() {
    int[][] lists = {
      {1, 2, 3}, // woman 0 wants women 1, 2 and man 3 (who does not want her)
      {0, 2}, // woman 1
      {0, 1}, // woman 2
      {4}, // man 3 wants man 4 only
      {3} // man 4
    };
    StableRoommates.Result result = StableRoommates.solve(lists);
    assertStable(lists, result);
    assertEquals(4, result.partner()[3]);
    assertEquals(1, result.partner()[0], "each other's first");
    assertEquals(-1, result.partner()[2], "odd one out among the women");
  }

  /** An odd number of people who all accept each other: one is left, and nobody blocks. */
  @Test
  void anOddCountLeavesOnePersonWithoutAPartner() {
    int[][] lists = {{1, 2, 3, 4}, {2, 0, 3, 4}, {1, 0, 4, 3}, {4, 0, 1, 2}, {3, 2, 1, 0}};
    StableRoommates.Result result = StableRoommates.solve(lists);
    assertStable(lists, result);
    assertEquals(2, result.pairs().size());
    assertEquals(-1, result.partner()[0]);
  }

  /** Short lists of unequal length, some names unknown to the other side. */
  @Test
  void unequalAndIncompleteLists() {
    int[][] lists = {{5, 1}, {0}, {3, 4, 0}, {2}, {}, {0, 2}};
    StableRoommates.Result result = StableRoommates.solve(lists);
    assertStable(lists, result);
    assertEquals(5, result.partner()[0]);
    assertEquals(3, result.partner()[2]);
    assertEquals(-1, result.partner()[1]);
    assertEquals(-1, result.partner()[4]);
  }

  /**
   * The classic instance without a stable matching: 0, 1, 2 each want the next most and everyone
   * ranks 3 last. The result is still a matching, the one set aside is reported, and everyone else
   * is matched stably among themselves.
   */
  @Test
  void anInstanceWithoutAStableMatchingStillGivesAMatching() {
    int[][] lists = {{1, 2, 3}, {2, 0, 3}, {0, 1, 3}, {0, 1, 2}};
    StableRoommates.Result result = StableRoommates.solve(lists);
    assertFalse(result.stable());
    assertMatching(lists, result.partner());
    assertTrue(result.setAside().length > 0);
    assertTrue(result.pairs().size() >= 1);
    int[][] without = lists.clone();
    for (int i : result.setAside()) {
      without[i] = new int[0];
    }
    assertEquals(null, blockingPair(without, result.partner()), "stable without who was set aside");
  }

  @Test
  void theSameListsGiveTheSameMatching() {
    Random random = new Random(7);
    int[][] lists = randomLists(random, 60, 12);
    assertArrayEquals(
        StableRoommates.solve(lists).partner(), StableRoommates.solve(lists).partner());
  }

  @Test
  void greedyPairsBestCombinedRanksFirst() {
    int[][] lists = {{1, 2}, {2, 0}, {0, 1}};
    int[] partner = StableRoommates.greedy(lists);
    assertMatching(lists, partner);
    assertEquals(1, Arrays.stream(partner).filter(p -> p < 0).count());
  }

  /**
   * Against a brute force on thousands of small random instances: when a stable matching exists the
   * algorithm finds one (no blocking pair), when none exists it says so.
   */
  @Test
  void agreesWithABruteForceOnRandomSmallInstances() {
    Random random = new Random(42);
    int withStable = 0;
    int withoutStable = 0;
    for (int round = 0; round < 3000; round++) {
      int n = 2 + random.nextInt(7);
      int[][] lists = randomLists(random, n, 1 + random.nextInt(n));
      boolean exists = someStableMatchingExists(lists);
      StableRoommates.Result result = StableRoommates.solve(lists);
      assertMatching(lists, result.partner());
      if (exists) {
        withStable++;
        assertTrue(
            result.stable(), () -> "missed a stable matching: " + Arrays.deepToString(lists));
        assertEquals(
            null,
            blockingPair(lists, result.partner()),
            () -> "blocked: " + Arrays.deepToString(lists));
      } else {
        withoutStable++;
        assertFalse(result.stable(), () -> "claimed stable: " + Arrays.deepToString(lists));
      }
    }
    assertTrue(withStable > 100 && withoutStable > 20, withStable + " / " + withoutStable);
  }

  /** A bigger population in one piece: still stable or reported, and quick. */
  @Test
  void aThousandPeopleWithThirtyEach() {
    Random random = new Random(3);
    int[][] lists = randomLists(random, 1000, 30);
    long start = System.nanoTime();
    StableRoommates.Result result = StableRoommates.solve(lists);
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertMatching(lists, result.partner());
    if (result.stable()) {
      assertEquals(null, blockingPair(lists, result.partner()));
    }
    assertTrue(millis < 5000, millis + " ms");
  }

  /** Each person lists up to {@code k} others at random, in random order. */
  static int[][] randomLists(Random random, int n, int k) {
    int[][] lists = new int[n][];
    for (int i = 0; i < n; i++) {
      List<Integer> others = new ArrayList<>();
      for (int j = 0; j < n; j++) {
        if (j != i) {
          others.add(j);
        }
      }
      java.util.Collections.shuffle(others, random);
      lists[i] = others.subList(0, Math.min(k, others.size())).stream().mapToInt(x -> x).toArray();
    }
    return lists;
  }

  private static boolean someStableMatchingExists(int[][] lists) {
    int[] partner = new int[lists.length];
    Arrays.fill(partner, -1);
    return search(StableRoommates.mutual(lists), partner, 0, lists);
  }

  private static boolean search(int[][] mutual, int[] partner, int from, int[][] lists) {
    int i = from;
    while (i < partner.length && partner[i] >= 0) {
      i++;
    }
    if (i == partner.length) {
      return blockingPair(lists, partner) == null;
    }
    if (search(mutual, partner, i + 1, lists)) { // i stays single
      return true;
    }
    for (int j : mutual[i]) {
      if (j > i && partner[j] < 0) {
        partner[i] = j;
        partner[j] = i;
        boolean found = search(mutual, partner, i + 1, lists);
        partner[i] = -1;
        partner[j] = -1;
        if (found) {
          return true;
        }
      }
    }
    return false;
  }
}
