package app.dating.cache.control;

import app.dating.cache.boundary.SharedCache;
import java.time.Duration;
import java.util.Optional;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/** Values in Redis with a TTL, under the platform's key prefix. */
public class RedisCache implements SharedCache {
  static final String PREFIX = "dating:cache:";
  private final UnifiedJedis redis;

  public RedisCache(UnifiedJedis redis) {
    this.redis = redis;
  }

  @Override
  public void put(String key, String value, Duration timeToLive) {
    redis.set(PREFIX + key, value, SetParams.setParams().px(Math.max(1, timeToLive.toMillis())));
  }

  @Override
  public Optional<String> get(String key) {
    return Optional.ofNullable(redis.get(PREFIX + key));
  }

  @Override
  public Optional<String> take(String key) {
    return Optional.ofNullable(redis.getDel(PREFIX + key));
  }

  @Override
  public long increment(String key, Duration timeToLive) {
    // Created with its expiry first (NX), so INCR, which keeps a key's expiry, never makes one
    // without.
    redis.set(PREFIX + key, "0", SetParams.setParams().nx().px(Math.max(1, timeToLive.toMillis())));
    return redis.incr(PREFIX + key);
  }
}
