package app.dating.tools.sim;

/**
 * The rankings compared. Server arms switch the platform's ranker ({@code PUT
 * /api/v1/admin/ranking}) and swipe the first cards of the feed as served. Client arms fetch a
 * larger slate of the feed (pages of 50, up to the slate size: 200, the platform's ranked pool, by
 * default) as ranked by {@code simple} and choose the cards themselves:
 *
 * <ul>
 *   <li>{@link #RANDOM}: the platform's {@code random} ranker; without it (before the learned
 *       ranker landed), the client shuffles the slate (seeded) and takes the first cards;
 *   <li>{@link #POPULARITY}: the platform's {@code popularity} ranker; without it, the client
 *       orders the slate by each candidate's like rate so far in this arm, {@code (likes received +
 *       1) / (swipes received + 2)}, from the swipes the simulation made (what the server knows
 *       too);
 *   <li>{@link #SIMPLE}: today's SimpleRanker, as served;
 *   <li>{@link #LEARNED}: the learned ranker, as served, retrained ({@code POST
 *       /api/v1/admin/ranking/retrain}) after each simulated day;
 *   <li>{@link #ORACLE}, the upper limit: the client knows the hidden model and the swipes so far,
 *       and takes the cards of the slate with the highest chance of a new mutual match, {@code P(u
 *       likes v) × q(v, u)}, where q is 1 if v already liked u, 0 if v passed on u, and {@code P(v
 *       likes u)} if v has not yet swiped u. It knows the probabilities, not the coins, and it only
 *       chooses among the slate the platform's filters and candidate query allow.
 * </ul>
 */
public enum Arm {
  RANDOM("random"),
  POPULARITY("popularity"),
  SIMPLE("simple"),
  LEARNED("learned"),
  ORACLE(null);

  /** The platform's ranker of this arm (the oracle ranks a {@code simple} slate itself). */
  public final String ranker;

  Arm(String ranker) {
    this.ranker = ranker;
  }

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static Arm of(String label) {
    return valueOf(label.trim().toUpperCase(java.util.Locale.ROOT));
  }
}
