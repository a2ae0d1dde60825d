package app.dating.discovery.control;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Turns scores into an order that is fair to the candidates, whatever the scorer:
 *
 * <ul>
 *   <li>exposure cap: someone already shown {@code exposureCap} times today goes after everyone
 *       else, so the most liked are not shown to everyone;
 *   <li>exploration: one slot in {@code round(1 / explorationShare)} (the 10th, 20th … at 10 %)
 *       goes to the best-scored newcomer or rarely shown person not placed yet, so they get seen
 *       and the model learns about them;
 *   <li>liked-you cap: of each ten slots at most {@code likedMeMax} go to people who already liked
 *       the seeker (a strong signal, scored as such), so a feed does not become a list of whoever
 *       likes everyone.
 * </ul>
 */
public record FeedOrder(double explorationShare, int likedMeMax, int exposureCap) {
  static final int BLOCK = 10;

  /** A scored candidate: whether they liked the seeker already, may be explored, shown today. */
  public record Scored(UUID id, double score, boolean likedMe, boolean explore, int shownToday) {}

  /** The order, and how many slots went to exploration. */
  public record Ordered(List<UUID> ids, int explored) {}

  public Ordered order(List<Scored> scored) {
    Comparator<Scored> best =
        Comparator.comparingDouble((Scored s) -> -s.score()).thenComparing(Scored::id);
    List<Scored> open = new ArrayList<>();
    List<Scored> capped = new ArrayList<>();
    for (Scored s : scored) {
      (exposureCap > 0 && s.shownToday() >= exposureCap ? capped : open).add(s);
    }
    open.sort(best);
    capped.sort(best);
    int period = explorationShare <= 0 ? 0 : (int) Math.max(1, Math.round(1 / explorationShare));
    List<UUID> ids = new ArrayList<>(scored.size());
    int explored = 0;
    int likedInBlock = 0;
    while (!open.isEmpty()) {
      int slot = ids.size();
      if (slot % BLOCK == 0) {
        likedInBlock = 0;
      }
      boolean likedAllowed = likedInBlock < likedMeMax;
      int pick = -1;
      if (period > 0 && (slot + 1) % period == 0) {
        pick = first(open, s -> s.explore() && (!s.likedMe() || likedAllowed));
        if (pick >= 0) {
          explored++;
        }
      }
      if (pick < 0) {
        pick = first(open, s -> !s.likedMe() || likedAllowed);
      }
      if (pick < 0) {
        pick = 0; // only people who liked the seeker are left: show them rather than nobody
      }
      Scored chosen = open.remove(pick);
      if (chosen.likedMe()) {
        likedInBlock++;
      }
      ids.add(chosen.id());
    }
    capped.forEach(s -> ids.add(s.id()));
    return new Ordered(ids, explored);
  }

  private static int first(List<Scored> list, java.util.function.Predicate<Scored> test) {
    for (int i = 0; i < list.size(); i++) {
      if (test.test(list.get(i))) {
        return i;
      }
    }
    return -1;
  }
}
