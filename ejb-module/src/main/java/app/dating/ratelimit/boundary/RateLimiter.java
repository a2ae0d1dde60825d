package app.dating.ratelimit.boundary;

import app.dating.shared.problem.RateLimitedException;
import java.time.Duration;

/**
 * Token-bucket rate limiting, shared by all instances through Redis when it is configured, in
 * process otherwise. Both implementations use Bucket4j, so they limit alike.
 */
public interface RateLimiter {

  /** Takes {@code tokens} from {@code subject}'s bucket, or says how long until they are there. */
  Decision tryConsume(RateLimit limit, String subject, long tokens);

  /** Takes one token or throws {@link RateLimitedException} (a 429 at the API). */
  default void consume(RateLimit limit, String subject) {
    Decision decision = tryConsume(limit, subject, 1);
    if (!decision.allowed()) {
      throw new RateLimitedException(
          "Too many requests for " + limit.name() + "; try again later", decision.retryAfter());
    }
  }

  /** The outcome of one attempt: allowed, and if not, when to retry. */
  record Decision(boolean allowed, long remaining, Duration retryAfter) {}
}
