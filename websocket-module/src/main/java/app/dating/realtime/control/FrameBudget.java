package app.dating.realtime.control;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * One socket's budget of frames, a token bucket per kind of frame ({@link Kind}): {@code frames} at
 * once, refilled evenly over {@code per}. Kept per socket in memory (a few numbers), as the socket
 * is: nothing shared, nothing stored. Kept as the generic cell rate algorithm does, by the time at
 * which each bucket will be full again.
 */
public final class FrameBudget {

  /** The kinds of frames with a budget of their own; anything unknown or unreadable is OTHER. */
  public enum Kind {
    SEND,
    SYNC,
    TYPING,
    READ,
    DELIVERED,
    PING,
    AUTH,
    OTHER;

    /** The kind of a frame of this {@code type}. */
    public static Kind of(String type) {
      return switch (type) {
        case "send" -> SEND;
        case "sync" -> SYNC;
        case "typing" -> TYPING;
        case "read" -> READ;
        case "delivered" -> DELIVERED;
        case "ping" -> PING;
        case "auth" -> AUTH;
        default -> OTHER;
      };
    }

    /** As configuration and frames name it. */
    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** {@code frames} at most at once, refilled evenly over {@code per}. */
  public record Rate(long frames, Duration per) {
    public Rate {
      if (frames < 1 || per.isNegative() || per.isZero()) {
        throw new IllegalArgumentException("a rate is at least one frame per a positive time");
      }
    }

    long intervalNanos() {
      return Math.max(1, per.toNanos() / frames);
    }
  }

  private final Rate[] rates = new Rate[Kind.values().length];

  /** By kind, when its bucket is full again (nanoTime); {@code Long.MIN_VALUE}: full. */
  private final long[] fullAt = new long[Kind.values().length];

  private final LongSupplier nanoTime;

  /**
   * @param rates the rate of every kind
   * @param nanoTime the monotonic clock (tests give their own)
   */
  public FrameBudget(Map<Kind, Rate> rates, LongSupplier nanoTime) {
    EnumMap<Kind, Rate> all = new EnumMap<>(rates);
    for (Kind kind : Kind.values()) {
      Rate rate = all.get(kind);
      if (rate == null) {
        throw new IllegalArgumentException("no rate for " + kind.key() + " frames");
      }
      this.rates[kind.ordinal()] = rate;
    }
    Arrays.fill(fullAt, Long.MIN_VALUE);
    this.nanoTime = nanoTime;
  }

  /**
   * Takes a frame of this kind from its bucket: {@code Duration.ZERO}, or how long until one is.
   */
  public synchronized Duration take(Kind kind) {
    Rate rate = rates[kind.ordinal()];
    long now = nanoTime.getAsLong();
    long interval = rate.intervalNanos();
    long capacity = interval * rate.frames();
    long full = fullAt[kind.ordinal()] == Long.MIN_VALUE ? now : fullAt[kind.ordinal()];
    long from = full - now > 0 ? full : now; // (as a difference: nanoTime may overflow)
    if (from + interval - now > capacity) {
      return Duration.ofNanos(from + interval - now - capacity);
    }
    fullAt[kind.ordinal()] = from + interval;
    return Duration.ZERO;
  }
}
