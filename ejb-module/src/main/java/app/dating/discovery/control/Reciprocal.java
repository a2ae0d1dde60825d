package app.dating.discovery.control;

/**
 * How two one-way chances become one score for a pair (RECON, Pizzato et al. 2010): the harmonic
 * mean of P(seeker likes candidate) and P(candidate likes seeker). It is high only when both are:
 * someone the seeker would like but who would not like them back ranks low, unlike with a mean.
 */
public final class Reciprocal {
  private Reciprocal() {}

  public static double score(double seekerLikes, double candidateLikes) {
    double p = clamp(seekerLikes);
    double q = clamp(candidateLikes);
    return p + q == 0 ? 0 : 2 * p * q / (p + q);
  }

  private static double clamp(double p) {
    return Double.isNaN(p) ? 0 : Math.max(0, Math.min(1, p));
  }
}
