package app.dating.ratelimit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dating.ratelimit.boundary.RateLimit;
import app.dating.ratelimit.boundary.RateLimiter;
import app.dating.ratelimit.boundary.RateLimiter.Decision;
import app.dating.shared.problem.RateLimitedException;
import app.dating.testing.RealRedis;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Both limiters behave alike; the Redis one against a real Redis. */
class RateLimitersTest {

  static Stream<Named<RateLimiter>> limiters() {
    return Stream.of(
        Named.of("in-process", new LocalRateLimiter()),
        Named.of("redis", new RedisRateLimiter(RealRedis.client())));
  }

  private static RateLimit limit(long capacity, Duration period) {
    return new RateLimit("test-" + UUID.randomUUID(), capacity, period);
  }

  @ParameterizedTest
  @MethodSource("limiters")
  void allowsCapacityThenRefusesWithRetryAfter(RateLimiter limiter) {
    RateLimit limit = limit(3, Duration.ofMinutes(1));
    for (int i = 2; i >= 0; i--) {
      Decision decision = limiter.tryConsume(limit, "alice", 1);
      assertTrue(decision.allowed());
      assertEquals(i, decision.remaining());
    }
    Decision refused = limiter.tryConsume(limit, "alice", 1);
    assertFalse(refused.allowed());
    assertTrue(refused.retryAfter().compareTo(Duration.ZERO) > 0, refused::toString);
    assertTrue(refused.retryAfter().compareTo(Duration.ofSeconds(20)) <= 0, refused::toString);
  }

  @ParameterizedTest
  @MethodSource("limiters")
  void subjectsHaveTheirOwnBuckets(RateLimiter limiter) {
    RateLimit limit = limit(1, Duration.ofMinutes(1));
    assertTrue(limiter.tryConsume(limit, "alice", 1).allowed());
    assertFalse(limiter.tryConsume(limit, "alice", 1).allowed());
    assertTrue(limiter.tryConsume(limit, "bob", 1).allowed());
  }

  @ParameterizedTest
  @MethodSource("limiters")
  void consumeThrowsWhenEmpty(RateLimiter limiter) {
    RateLimit limit = limit(1, Duration.ofHours(1));
    limiter.consume(limit, "carol");
    RateLimitedException e = assertThrows(RateLimitedException.class, () -> limiter.consume(limit, "carol"));
    assertTrue(e.retryAfterSeconds() >= 3500, () -> "about an hour: " + e.retryAfterSeconds());
  }

  @ParameterizedTest
  @MethodSource("limiters")
  void refillsOverTime(RateLimiter limiter) throws InterruptedException {
    RateLimit limit = limit(1, Duration.ofMillis(200));
    assertTrue(limiter.tryConsume(limit, "dave", 1).allowed());
    assertFalse(limiter.tryConsume(limit, "dave", 1).allowed());
    Thread.sleep(300);
    assertTrue(limiter.tryConsume(limit, "dave", 1).allowed());
  }

  /** Two instances sharing Redis share the bucket. */
  @org.junit.jupiter.api.Test
  void redisBucketsAreSharedAcrossInstances() {
    RateLimit limit = limit(2, Duration.ofMinutes(1));
    RateLimiter one = new RedisRateLimiter(RealRedis.client());
    RateLimiter two = new RedisRateLimiter(RealRedis.client());
    assertTrue(one.tryConsume(limit, "erin", 1).allowed());
    assertTrue(two.tryConsume(limit, "erin", 1).allowed());
    assertFalse(one.tryConsume(limit, "erin", 1).allowed());
  }
}
