package app.dating.ratelimit.control;

import app.dating.ratelimit.boundary.RateLimit;
import app.dating.ratelimit.boundary.RateLimiter.Decision;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;

/** Bucket4j glue shared by the Redis and in-process limiters. */
final class Buckets {
  private Buckets() {}

  static BucketConfiguration configuration(RateLimit limit) {
    return BucketConfiguration.builder()
        .addLimit(
            bandwidth ->
                bandwidth
                    .capacity(limit.capacity())
                    .refillGreedy(limit.capacity(), limit.refillPeriod()))
        .build();
  }

  static Decision decision(ConsumptionProbe probe) {
    return new Decision(
        probe.isConsumed(),
        probe.getRemainingTokens(),
        probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill()));
  }
}
