package app.dating.discovery.control;

/**
 * What a person's recent behaviour says, as decayed sums (each event counts {@code exp(-age /
 * tau)}; see {@link Signals}): likes and passes received (appeal) and given (selectivity), negative
 * signals received (blocks, reports, unmatches), matches, and how often they were shown (exposure,
 * decayed, and today's count for the exposure cap).
 */
public record PersonSignals(
    double likesIn,
    double passesIn,
    double likesOut,
    double passesOut,
    double negativeIn,
    double matches,
    double shown,
    int shownToday) {

  /** A person nobody has seen act yet: a newcomer. */
  public static final PersonSignals NONE = new PersonSignals(0, 0, 0, 0, 0, 0, 0, 0);

  /** Likes received per swipe received, smoothed by a Beta(2, 2) prior (newcomers 0.5). */
  public double likeRateIn() {
    return (likesIn + 2) / (likesIn + passesIn + 4);
  }

  /** Likes given per swipe given (how easily they like), smoothed the same way. */
  public double likeRateOut() {
    return (likesOut + 2) / (likesOut + passesOut + 4);
  }

  public double swipesIn() {
    return likesIn + passesIn;
  }

  public double swipesOut() {
    return likesOut + passesOut;
  }
}
