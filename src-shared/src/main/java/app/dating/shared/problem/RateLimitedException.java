package app.dating.shared.problem;

import java.time.Duration;

/** A limit was reached; the caller may try again after {@link #retryAfter()}. */
public class RateLimitedException extends BusinessException {
  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  public RateLimitedException(String detail, Duration retryAfter) {
    this(ProblemType.RATE_LIMITED, detail, retryAfter);
  }

  /** A limit of another kind (for example {@link ProblemType#DAILY_LIMIT}), answered the same way. */
  public RateLimitedException(ProblemType type, String detail, Duration retryAfter) {
    super(type, detail);
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }

  /** Whole seconds, rounded up, never below one: the value of a {@code Retry-After} header. */
  public long retryAfterSeconds() {
    long millis = retryAfter.toMillis();
    return Math.max(1, (millis + 999) / 1000);
  }
}
