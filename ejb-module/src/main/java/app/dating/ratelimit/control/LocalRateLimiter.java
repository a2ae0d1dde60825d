package app.dating.ratelimit.control;

import app.dating.ratelimit.boundary.RateLimit;
import app.dating.ratelimit.boundary.RateLimiter;
import io.github.bucket4j.Bucket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Buckets in this JVM, for a single instance without Redis. Full buckets carry no information, so
 * they are swept out now and then to keep memory bounded by the number of recently limited callers.
 */
public class LocalRateLimiter implements RateLimiter {
  private static final int SWEEP_EVERY = 10_000;

  private final Map<String, Entry> buckets = new ConcurrentHashMap<>();
  private final AtomicInteger untilSweep = new AtomicInteger(SWEEP_EVERY);

  private record Entry(Bucket bucket, long capacity) {}

  @Override
  public Decision tryConsume(RateLimit limit, String subject, long tokens) {
    if (untilSweep.decrementAndGet() <= 0) {
      untilSweep.set(SWEEP_EVERY);
      buckets.values().removeIf(e -> e.bucket().getAvailableTokens() >= e.capacity());
    }
    Entry entry =
        buckets.computeIfAbsent(
            limit.keyFor(subject),
            key ->
                new Entry(
                    Bucket.builder()
                        .addLimit(Buckets.configuration(limit).getBandwidths()[0])
                        .build(),
                    limit.capacity()));
    return Buckets.decision(entry.bucket().tryConsumeAndReturnRemaining(tokens));
  }
}
