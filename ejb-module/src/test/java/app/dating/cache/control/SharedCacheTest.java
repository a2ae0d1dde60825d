package app.dating.cache.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dating.cache.boundary.SharedCache;
import app.dating.testing.RealRedis;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SharedCacheTest {

  static Stream<Named<SharedCache>> caches() {
    return Stream.of(
        Named.of("in-process", new LocalCache(Clock.systemUTC())),
        Named.of("redis", new RedisCache(RealRedis.client())));
  }

  @ParameterizedTest
  @MethodSource("caches")
  void valuesLiveUntilTheirTimeToLive(SharedCache cache) throws InterruptedException {
    String key = "test-" + UUID.randomUUID();
    assertTrue(cache.get(key).isEmpty());
    cache.put(key, "v1", Duration.ofMillis(300));
    assertEquals(Optional.of("v1"), cache.get(key));
    cache.put(key, "v2", Duration.ofMillis(300));
    assertEquals(Optional.of("v2"), cache.get(key));
    Thread.sleep(450);
    assertTrue(cache.get(key).isEmpty());
  }

  @ParameterizedTest
  @MethodSource("caches")
  void aValueIsTakenOnce(SharedCache cache) {
    String key = "test-" + UUID.randomUUID();
    cache.put(key, "once", Duration.ofMinutes(1));
    assertEquals(Optional.of("once"), cache.take(key));
    assertTrue(cache.take(key).isEmpty());
    assertTrue(cache.get(key).isEmpty());
  }

  @ParameterizedTest
  @MethodSource("caches")
  void countersCountAtomicallyAndExpireFromTheirFirstIncrement(SharedCache cache) throws Exception {
    String key = "test-" + UUID.randomUUID();
    java.util.concurrent.ExecutorService threads =
        java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      java.util.List<java.util.concurrent.Future<Long>> counts = new java.util.ArrayList<>();
      for (int i = 0; i < 100; i++) {
        counts.add(threads.submit(() -> cache.increment(key, Duration.ofMillis(600))));
      }
      java.util.Set<Long> seen = new java.util.TreeSet<>();
      for (java.util.concurrent.Future<Long> count : counts) {
        seen.add(count.get());
      }
      assertEquals(100, seen.size(), "each increment got its own count");
      assertEquals(100L, java.util.Collections.max(seen));
    } finally {
      threads.shutdownNow();
    }
    Thread.sleep(800);
    assertEquals(1, cache.increment(key, Duration.ofMinutes(1)), "a new window after expiry");
  }
}
