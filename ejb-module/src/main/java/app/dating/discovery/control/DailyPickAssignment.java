package app.dating.discovery.control;

import java.util.ArrayList;
import java.util.List;

/**
 * Who gets whom as their daily pick, from everyone's preference list (best first, people numbered
 * {@code 0..n-1}): the partner in a stable matching of the mutual lists ({@link StableRoommates}),
 * so two people are each other's pick where possible; and for whoever that leaves single, a
 * one-sided pick: the best on their list who would accept them too (they list the person), else
 * simply the best on their list. Only someone with an empty list gets none.
 */
public final class DailyPickAssignment {
  private DailyPickAssignment() {}

  /**
   * {@code person}'s pick, whether it is mutual, and its place on the person's own list (0 = top).
   */
  public record Pick(int person, int pick, boolean mutual, int rank) {}

  /** Every pick, with counts for the run's summary. */
  public record Outcome(
      List<Pick> picks, int mutualPairs, int oneSided, int setAside, boolean stable) {}

  public static Outcome assign(int[][] lists) {
    StableRoommates.Result matching = StableRoommates.solve(lists);
    int[][] mutual = StableRoommates.mutual(lists);
    List<Pick> picks = new ArrayList<>();
    int pairs = 0;
    int oneSided = 0;
    for (int i = 0; i < lists.length; i++) {
      int partner = matching.partner()[i];
      if (partner >= 0) {
        picks.add(new Pick(i, partner, true, StableRoommates.indexOf(lists[i], partner)));
        pairs += partner > i ? 1 : 0;
      } else if (lists[i].length > 0) {
        int pick = mutual[i].length > 0 ? mutual[i][0] : lists[i][0];
        picks.add(new Pick(i, pick, false, StableRoommates.indexOf(lists[i], pick)));
        oneSided++;
      }
    }
    return new Outcome(picks, pairs, oneSided, matching.setAside().length, matching.stable());
  }
}
