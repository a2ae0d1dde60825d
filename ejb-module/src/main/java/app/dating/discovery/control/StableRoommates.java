package app.dating.discovery.control;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

/**
 * A stable matching of one population, not split into two sides: the stable roommates problem with
 * incomplete lists (SRI), solved by Irving's algorithm, with a fallback where no stable matching
 * exists.
 *
 * <p>People are {@code 0..n-1}; {@code preferences[i]} lists whom {@code i} would accept, best
 * first. Acceptability is mutual: an entry whose person does not list {@code i} back is dropped
 * first. A matching is stable when no two people who are not paired with each other both prefer
 * each other to what they have (being unmatched is worse than anyone acceptable): no blocking pair.
 * Men and women who want each other (the Hinge case, solved by Gale–Shapley) are a special case: a
 * bipartite instance always has a stable matching, and the algorithm finds one.
 *
 * <p>The algorithm, per connected component of the mutual-acceptability graph:
 *
 * <ol>
 *   <li>Phase 1, proposals: everyone proposes down their list; whoever receives a proposal holds
 *       the best so far and deletes everyone after it from their list (both ways). Whoever ends
 *       with an empty list is unmatched in every stable matching.
 *   <li>Phase 2, rotations: while someone's list holds two or more, find a rotation (walk {@code p
 *       → second(p) → last(second(p))} until it cycles) and eliminate it. One entry left on every
 *       list is the stable matching; a list that empties means there is none.
 * </ol>
 *
 * <p>Where there is none (e.g. three people who each want the next most, and a fourth everyone
 * ranks last), the person whose list emptied is set aside and the component is solved again without
 * them; after {@link #MAX_SET_ASIDE} such attempts a greedy pass pairs the component by combined
 * rank instead. The result says who was set aside: they are the ones who could still form a
 * blocking pair, and the caller gives them a one-sided pick.
 *
 * <p>Deterministic: the same lists give the same matching (people are visited in index order). Time
 * O(total list length) per attempt; memory O(total list length).
 *
 * <p>References: R. W. Irving, "An efficient algorithm for the stable roommates problem", J.
 * Algorithms 6 (1985) 577–595; D. Gusfield and R. W. Irving, The Stable Marriage Problem: Structure
 * and Algorithms (MIT Press, 1989), §4.2 (the algorithm) and §4.5.2 (incomplete lists). No
 * maintained Java library solves this (JGraphT has maximum and weighted matchings, not stable
 * ones), hence this class.
 */
public final class StableRoommates {
  /** Attempts per component, each without one more person, before the greedy fallback. */
  static final int MAX_SET_ASIDE = 8;

  private StableRoommates() {}

  /**
   * The outcome: {@code partner[i]} is {@code i}'s partner or -1; {@code stable} is false when some
   * component had no stable matching (its people were then matched stably without {@code setAside},
   * or greedily).
   */
  public record Result(int[] partner, boolean stable, int[] setAside) {

    /** The pairs {@code {i, j}} with {@code i < j}, in order of {@code i}. */
    public List<int[]> pairs() {
      List<int[]> pairs = new ArrayList<>();
      for (int i = 0; i < partner.length; i++) {
        if (partner[i] > i) {
          pairs.add(new int[] {i, partner[i]});
        }
      }
      return pairs;
    }
  }

  /** The stable matching of {@code preferences} (see the class description). */
  public static Result solve(int[][] preferences) {
    int[][] mutual = mutual(preferences);
    int n = mutual.length;
    int[] partner = new int[n];
    Arrays.fill(partner, -1);
    boolean stable = true;
    List<Integer> setAside = new ArrayList<>();
    for (int[] component : components(mutual)) {
      if (component.length < 2) {
        continue;
      }
      int[][] local = restrict(mutual, component, new BitSet());
      BitSet aside = new BitSet();
      int[] matched = null;
      for (int attempt = 0; attempt <= MAX_SET_ASIDE && matched == null; attempt++) {
        Irving run = new Irving(restrict(mutual, component, aside));
        try {
          matched = run.solve();
        } catch (IllegalStateException e) { // a broken invariant: never expected; pair greedily
          stable = false;
          break;
        }
        if (matched == null) {
          stable = false;
          aside.set(run.emptied);
        }
      }
      if (matched == null) {
        aside.clear();
        matched = greedy(local);
      }
      for (int i = 0; i < component.length; i++) {
        if (matched[i] >= 0) {
          partner[component[i]] = component[matched[i]];
        }
      }
      aside.stream().forEach(i -> setAside.add(component[i]));
    }
    return new Result(
        partner, stable, setAside.stream().mapToInt(Integer::intValue).sorted().toArray());
  }

  /**
   * Each list without people who do not list its owner back, out-of-range ids, the owner, and
   * repeats (the first place counts).
   */
  static int[][] mutual(int[][] preferences) {
    int n = preferences.length;
    BitSet[] lists = new BitSet[n];
    for (int i = 0; i < n; i++) {
      lists[i] = new BitSet();
      for (int j : preferences[i]) {
        if (j >= 0 && j < n && j != i) {
          lists[i].set(j);
        }
      }
    }
    int[][] mutual = new int[n][];
    for (int i = 0; i < n; i++) {
      BitSet seen = new BitSet();
      int owner = i;
      mutual[i] =
          Arrays.stream(preferences[i])
              .filter(j -> j >= 0 && j < n && j != owner && lists[j].get(owner))
              .filter(
                  j -> {
                    boolean first = !seen.get(j);
                    seen.set(j);
                    return first;
                  })
              .toArray();
    }
    return mutual;
  }

  /** The connected components of the (mutual, so undirected) acceptability graph, in id order. */
  static List<int[]> components(int[][] mutual) {
    int n = mutual.length;
    int[] component = new int[n];
    Arrays.fill(component, -1);
    List<int[]> components = new ArrayList<>();
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int start = 0; start < n; start++) {
      if (component[start] >= 0) {
        continue;
      }
      int id = components.size();
      List<Integer> members = new ArrayList<>();
      component[start] = id;
      queue.add(start);
      while (!queue.isEmpty()) {
        int i = queue.poll();
        members.add(i);
        for (int j : mutual[i]) {
          if (component[j] < 0) {
            component[j] = id;
            queue.add(j);
          }
        }
      }
      components.add(members.stream().mapToInt(Integer::intValue).sorted().toArray());
    }
    return components;
  }

  /** The lists of a component's members in local ids (their place in {@code component}). */
  private static int[][] restrict(int[][] mutual, int[] component, BitSet aside) {
    int[][] local = new int[component.length][];
    for (int i = 0; i < component.length; i++) {
      if (aside.get(i)) {
        local[i] = new int[0];
        continue;
      }
      local[i] =
          Arrays.stream(mutual[component[i]])
              .map(j -> Arrays.binarySearch(component, j))
              .filter(j -> !aside.get(j))
              .toArray();
    }
    return local;
  }

  /**
   * Pairs by combined rank, best pairs first (sum of both ranks, then the worse of the two, then
   * ids): no pair taken is blocked by a pair taken later, which is as stable as a greedy pass gets.
   */
  static int[] greedy(int[][] lists) {
    int n = lists.length;
    List<int[]> edges = new ArrayList<>(); // {i, j, rank of j for i + rank of i for j, worse rank}
    for (int i = 0; i < n; i++) {
      for (int r = 0; r < lists[i].length; r++) {
        int j = lists[i][r];
        if (j > i) {
          int back = indexOf(lists[j], i);
          edges.add(new int[] {i, j, r + back, Math.max(r, back)});
        }
      }
    }
    edges.sort(
        Comparator.<int[]>comparingInt(e -> e[2])
            .thenComparingInt(e -> e[3])
            .thenComparingInt(e -> e[0])
            .thenComparingInt(e -> e[1]));
    int[] partner = new int[n];
    Arrays.fill(partner, -1);
    for (int[] e : edges) {
      if (partner[e[0]] < 0 && partner[e[1]] < 0) {
        partner[e[0]] = e[1];
        partner[e[1]] = e[0];
      }
    }
    return partner;
  }

  static int indexOf(int[] list, int value) {
    for (int k = 0; k < list.length; k++) {
      if (list[k] == value) {
        return k;
      }
    }
    return -1;
  }

  /** One run of Irving's two phases over mutual lists in local ids. */
  private static final class Irving {
    final int[][] pref;
    final boolean[][] alive;
    final int[] head;
    final int[] tail;
    final int[] size;

    /** Someone whose list emptied in phase 2 (so there is no stable matching), or -1. */
    int emptied = -1;

    Irving(int[][] pref) {
      this.pref = pref;
      int n = pref.length;
      alive = new boolean[n][];
      head = new int[n];
      tail = new int[n];
      size = new int[n];
      for (int i = 0; i < n; i++) {
        alive[i] = new boolean[pref[i].length];
        Arrays.fill(alive[i], true);
        head[i] = 0;
        tail[i] = pref[i].length - 1;
        size[i] = pref[i].length;
      }
    }

    /** The partners (-1 for none), or null when there is no stable matching. */
    int[] solve() {
      phaseOne();
      if (!phaseTwo()) {
        return null;
      }
      int[] partner = new int[pref.length];
      for (int i = 0; i < pref.length; i++) {
        partner[i] = size[i] == 1 ? pref[i][head[i]] : -1;
      }
      for (int i = 0; i < pref.length; i++) { // a one-entry table is symmetric; check anyway
        if (partner[i] >= 0 && partner[partner[i]] != i) {
          throw new IllegalStateException("not a matching at " + i);
        }
      }
      return partner;
    }

    private void phaseOne() {
      ArrayDeque<Integer> free = new ArrayDeque<>();
      for (int i = 0; i < pref.length; i++) {
        free.add(i);
      }
      while (!free.isEmpty()) {
        int x = free.poll();
        if (size[x] == 0) {
          continue; // rejected by everyone: unmatched
        }
        int y = pref[x][head[x]];
        // Whoever proposes to y is better for y than anyone y holds: y deleted worse ones already.
        int rx = position(y, x);
        for (int k = rx + 1; k < pref[y].length; k++) {
          if (alive[y][k]) {
            int w = pref[y][k];
            boolean wasHeadOfW = size[w] > 0 && pref[w][head[w]] == y;
            delete(y, w);
            if (wasHeadOfW) {
              free.add(w); // w was held by y (or about to propose to y): propose on
            }
          }
        }
      }
    }

    private boolean phaseTwo() {
      int n = pref.length;
      int[] seenAt = new int[n];
      Arrays.fill(seenAt, -1);
      List<Integer> walk = new ArrayList<>();
      int start = 0;
      while (true) {
        if (walk.isEmpty()) {
          while (start < n && size[start] < 2) {
            start++;
          }
          if (start == n) {
            return true;
          }
          walk.add(start);
          seenAt[start] = 0;
        }
        int p = walk.get(walk.size() - 1);
        int q = second(p);
        int next = pref[q][tail[q]];
        if (size[next] < 2) {
          throw new IllegalStateException("rotation walk left the table at " + next);
        }
        if (seenAt[next] < 0) {
          seenAt[next] = walk.size();
          walk.add(next);
          continue;
        }
        // the cycle walk[seenAt[next]..] is a rotation: x_i with y_{i+1} = second(x_i)
        int from = seenAt[next];
        List<Integer> xs = new ArrayList<>(walk.subList(from, walk.size()));
        int[] seconds = xs.stream().mapToInt(this::second).toArray();
        for (int x : xs) {
          seenAt[x] = -1;
        }
        walk.subList(from, walk.size()).clear();
        for (int i = 0; i < xs.size(); i++) {
          int y = seconds[i];
          int rx = position(y, xs.get(i));
          for (int k = rx + 1; k < pref[y].length; k++) {
            if (alive[y][k]) {
              int w = pref[y][k];
              delete(y, w);
              if (size[w] == 0) {
                emptied = w;
                return false;
              }
            }
          }
          if (size[y] == 0) {
            emptied = y;
            return false;
          }
        }
        // the tail before the cycle stays a valid walk (Gusfield & Irving §4.2.2): go on
        // from its end, dropping whoever is down to one entry
        while (!walk.isEmpty() && size[walk.get(walk.size() - 1)] < 2) {
          seenAt[walk.remove(walk.size() - 1)] = -1;
        }
      }
    }

    /** Where {@code x} stands on {@code y}'s list, which must still hold them. */
    private int position(int y, int x) {
      int k = indexOf(pref[y], x);
      if (k < 0 || !alive[y][k]) {
        throw new IllegalStateException(x + " is not on the list of " + y);
      }
      return k;
    }

    private int second(int p) {
      for (int k = head[p] + 1; k <= tail[p]; k++) {
        if (alive[p][k]) {
          return pref[p][k];
        }
      }
      throw new IllegalStateException("no second choice for " + p);
    }

    /** Deletes the pair {a, b} from both lists. */
    private void delete(int a, int b) {
      remove(a, indexOf(pref[a], b));
      remove(b, indexOf(pref[b], a));
    }

    private void remove(int owner, int k) {
      if (k < 0 || !alive[owner][k]) {
        return;
      }
      alive[owner][k] = false;
      size[owner]--;
      while (head[owner] < pref[owner].length && !alive[owner][head[owner]]) {
        head[owner]++;
      }
      while (tail[owner] >= 0 && !alive[owner][tail[owner]]) {
        tail[owner]--;
      }
    }
  }
}
