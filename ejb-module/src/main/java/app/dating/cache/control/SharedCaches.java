package app.dating.cache.control;

import app.dating.cache.boundary.SharedCache;
import app.dating.platform.control.RedisConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** Chooses the cache: Redis when configured, in-process otherwise. */
@ApplicationScoped
public class SharedCaches {

  @Produces
  @ApplicationScoped
  SharedCache cache(RedisConnection redis, Clock clock) {
    return redis.client().<SharedCache>map(RedisCache::new).orElseGet(() -> new LocalCache(clock));
  }
}
