package app.dating.cache.control;

import app.dating.cache.boundary.SharedCache;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Values in this JVM, for a single instance; expired ones are dropped when read and swept now and
 * then.
 */
public class LocalCache implements SharedCache {
  private static final int SWEEP_EVERY = 1_000;

  private record Entry(String value, Instant expires) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final AtomicInteger untilSweep = new AtomicInteger(SWEEP_EVERY);
  private final Clock clock;

  public LocalCache(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void put(String key, String value, Duration timeToLive) {
    Instant now = clock.instant();
    if (untilSweep.decrementAndGet() <= 0) {
      untilSweep.set(SWEEP_EVERY);
      entries.values().removeIf(e -> !e.expires().isAfter(now));
    }
    entries.put(key, new Entry(value, now.plus(timeToLive)));
  }

  @Override
  public Optional<String> get(String key) {
    Entry entry = entries.get(key);
    if (entry == null || !entry.expires().isAfter(clock.instant())) {
      return Optional.empty();
    }
    return Optional.of(entry.value());
  }

  @Override
  public long increment(String key, Duration timeToLive) {
    Instant now = clock.instant();
    Entry counted =
        entries.compute(
            key,
            (k, entry) ->
                entry == null || !entry.expires().isAfter(now) || !isCount(entry.value())
                    ? new Entry("1", now.plus(timeToLive))
                    : new Entry(
                        String.valueOf(Long.parseLong(entry.value()) + 1), entry.expires()));
    return Long.parseLong(counted.value());
  }

  private static boolean isCount(String value) {
    return !value.isEmpty()
        && value.length() < 19
        && value.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  @Override
  public Optional<String> take(String key) {
    Entry entry = entries.remove(key);
    if (entry == null || !entry.expires().isAfter(clock.instant())) {
      return Optional.empty();
    }
    return Optional.of(entry.value());
  }
}
