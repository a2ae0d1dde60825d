package app.dating.ratelimit.control;

import app.dating.ratelimit.boundary.RateLimit;
import app.dating.ratelimit.boundary.RateLimiter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.jedis.Bucket4jJedis;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import redis.clients.jedis.UnifiedJedis;

/** Buckets kept in Redis (compare-and-swap), so every instance sees the same counts. */
public class RedisRateLimiter implements RateLimiter {
  private final ProxyManager<byte[]> buckets;

  public RedisRateLimiter(UnifiedJedis redis) {
    this.buckets =
        Bucket4jJedis.casBasedBuilder(redis)
            .expirationAfterWrite(
                ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                    Duration.ofSeconds(10)))
            .build();
  }

  @Override
  public Decision tryConsume(RateLimit limit, String subject, long tokens) {
    byte[] key = limit.keyFor(subject).getBytes(StandardCharsets.UTF_8);
    return Buckets.decision(
        buckets
            .builder()
            .build(key, () -> Buckets.configuration(limit))
            .tryConsumeAndReturnRemaining(tokens));
  }
}
