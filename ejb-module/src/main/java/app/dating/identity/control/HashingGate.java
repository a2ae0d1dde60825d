package app.dating.identity.control;

import app.dating.shared.problem.ProblemType;
import app.dating.shared.problem.RateLimitedException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * At most {@code maxConcurrent} password hashes at once on this instance. Each Argon2id hash takes
 * a core for ~20 ms and 19 MiB: without a cap, a burst of sign-ins (or of guesses at unknown
 * addresses, which cost a hash too) takes every core and lets memory grow with the number of HTTP
 * threads. A caller waits up to {@code queueTimeout} for its turn (a short fair queue), then is
 * refused with {@link ProblemType#UNAVAILABLE} (503) and a {@code Retry-After}.
 */
public final class HashingGate {
  /** What a refused caller is told to wait before trying again. */
  static final Duration RETRY_AFTER = Duration.ofSeconds(1);

  private final Semaphore permits;
  private final int maxConcurrent;
  private final Duration queueTimeout;

  /**
   * @param maxConcurrent hashes at once; 0 or less means one per available processor
   * @param queueTimeout how long a caller may wait for a turn
   */
  public HashingGate(int maxConcurrent, Duration queueTimeout) {
    this.maxConcurrent =
        maxConcurrent > 0 ? maxConcurrent : Runtime.getRuntime().availableProcessors();
    this.queueTimeout = queueTimeout.isNegative() ? Duration.ZERO : queueTimeout;
    this.permits = new Semaphore(this.maxConcurrent, true);
  }

  /** Runs {@code work} when a turn is free, or throws the 503 refusal after the queue timeout. */
  public <T> T run(Supplier<T> work) {
    boolean acquired;
    try {
      acquired = permits.tryAcquire(queueTimeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw busy();
    }
    if (!acquired) {
      throw busy();
    }
    try {
      return work.get();
    } finally {
      permits.release();
    }
  }

  public int maxConcurrent() {
    return maxConcurrent;
  }

  public Duration queueTimeout() {
    return queueTimeout;
  }

  private static RateLimitedException busy() {
    return new RateLimitedException(
        ProblemType.UNAVAILABLE,
        "Too many sign-ins are being checked at once; try again in a moment.",
        RETRY_AFTER);
  }
}
