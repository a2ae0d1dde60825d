package app.dating.ratelimit.boundary;

import java.time.Duration;
import java.util.Objects;

/**
 * A named token bucket: {@code capacity} requests at once, refilled evenly to full over
 * {@code refillPeriod}. Example: 10 per minute is {@code new RateLimit("login-ip", 10, ofMinutes(1))}.
 */
public record RateLimit(String name, long capacity, Duration refillPeriod) {

  public RateLimit {
    Objects.requireNonNull(name, "name");
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1");
    }
    if (refillPeriod.isNegative() || refillPeriod.isZero()) {
      throw new IllegalArgumentException("refillPeriod must be positive");
    }
  }

  /** The storage key of one caller's bucket under this limit. */
  public String keyFor(String subject) {
    return "rl:" + name + ":" + subject;
  }
}
