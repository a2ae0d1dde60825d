package app.dating.realtime.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dating.realtime.control.FrameBudget.Kind;
import app.dating.realtime.control.FrameBudget.Rate;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A socket's frame budget: a burst up to the capacity, then one per interval, kind by kind. */
class FrameBudgetTest {
  // Near the end of the long range: the budget must not care where nanoTime starts or that it
  // wraps.
  private final AtomicLong nanos = new AtomicLong(Long.MAX_VALUE - 5_000_000_000L);

  private FrameBudget budget(long frames, Duration per) {
    Map<Kind, Rate> rates = new EnumMap<>(Kind.class);
    for (Kind kind : Kind.values()) {
      rates.put(kind, new Rate(frames, per));
    }
    return new FrameBudget(rates, nanos::get);
  }

  @Test
  void aBurstUpToTheCapacityThenOneFramePerInterval() {
    FrameBudget budget = budget(3, Duration.ofSeconds(3));
    for (int i = 0; i < 3; i++) {
      assertEquals(Duration.ZERO, budget.take(Kind.TYPING), "frame " + i + " of the burst");
    }
    assertEquals(Duration.ofSeconds(1), budget.take(Kind.TYPING), "the next one in a second");
    nanos.addAndGet(Duration.ofMillis(400).toNanos());
    assertEquals(Duration.ofMillis(600), budget.take(Kind.TYPING));
    nanos.addAndGet(Duration.ofMillis(600).toNanos());
    assertEquals(Duration.ZERO, budget.take(Kind.TYPING), "a second later, one more");
    assertTrue(budget.take(Kind.TYPING).compareTo(Duration.ZERO) > 0);
    nanos.addAndGet(Duration.ofHours(1).toNanos());
    for (int i = 0; i < 3; i++) {
      assertEquals(Duration.ZERO, budget.take(Kind.TYPING), "full again, never fuller");
    }
    assertTrue(budget.take(Kind.TYPING).compareTo(Duration.ZERO) > 0);
  }

  @Test
  void eachKindHasItsOwnBucket() {
    FrameBudget budget = budget(1, Duration.ofMinutes(1));
    assertEquals(Duration.ZERO, budget.take(Kind.READ));
    assertTrue(budget.take(Kind.READ).compareTo(Duration.ZERO) > 0);
    assertEquals(Duration.ZERO, budget.take(Kind.DELIVERED));
    assertEquals(Duration.ZERO, budget.take(Kind.SYNC));
  }

  @Test
  void everyKindNeedsARate() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new FrameBudget(Map.of(Kind.SEND, new Rate(1, Duration.ofSeconds(1))), nanos::get));
    assertThrows(IllegalArgumentException.class, () -> new Rate(0, Duration.ofSeconds(1)));
    assertThrows(IllegalArgumentException.class, () -> new Rate(1, Duration.ZERO));
  }

  @ParameterizedTest
  @CsvSource({
    "send, SEND",
    "sync, SYNC",
    "typing, TYPING",
    "read, READ",
    "delivered, DELIVERED",
    "ping, PING",
    "auth, AUTH",
    "dance, OTHER",
    "'', OTHER",
    "SEND, OTHER"
  })
  void framesAreCountedByTheirType(String type, Kind kind) {
    assertEquals(kind, Kind.of(type));
  }
}
