package app.dating.ratelimit.control;

import app.dating.platform.control.RedisConnection;
import app.dating.ratelimit.boundary.RateLimiter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Chooses the limiter: Redis when configured, in-process otherwise. */
@ApplicationScoped
public class RateLimiters {

  @Produces
  @ApplicationScoped
  RateLimiter rateLimiter(RedisConnection redis) {
    return redis.client().<RateLimiter>map(RedisRateLimiter::new).orElseGet(LocalRateLimiter::new);
  }
}
