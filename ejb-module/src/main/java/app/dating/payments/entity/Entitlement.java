package app.dating.payments.entity;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * What a plan may add to the free one. Some carry a count ({@link #counted()}): super-likes a day,
 * boosts a month, messages before matching a day. Held until a time (the derived table {@code
 * entitlement}, written by {@code Entitlements}).
 */
public enum Entitlement {
  /** No daily cap on likes. */
  UNLIMITED_LIKES(false),
  /** More super-likes a day (the count; none: {@code matching.premium.superlikes-per-day}). */
  MORE_SUPERLIKES(true),
  /** The list of who liked you (everyone sees the count). */
  SEE_LIKES(false),
  /** Undo the last pass. */
  REWIND(false),
  /** Discover around another city. */
  PASSPORT(false),
  /** Boosts a month. */
  BOOSTS(true),
  /** No advertising. */
  NO_ADS(false),
  /** Messages to people not matched yet, a day. */
  MESSAGE_BEFORE_MATCH(true);

  private final boolean counted;

  Entitlement(boolean counted) {
    this.counted = counted;
  }

  /** Whether it carries a count (otherwise it is held or not). */
  public boolean counted() {
    return counted;
  }

  /** What a person holds, with the counts of those that have one. */
  public record Held(Set<Entitlement> names, Map<Entitlement, Integer> amounts) {
    public static final Held NONE = new Held(EnumSet.noneOf(Entitlement.class), Map.of());

    public Held {
      names =
          names.isEmpty()
              ? Collections.emptySet()
              : Collections.unmodifiableSet(EnumSet.copyOf(names));
      amounts = Map.copyOf(amounts);
    }

    public boolean contains(Entitlement entitlement) {
      return names.contains(entitlement);
    }

    /**
     * The count of a counted entitlement held, or {@code otherwise} (not held, or held without a
     * count).
     */
    public int amount(Entitlement entitlement, int otherwise) {
      return amounts.getOrDefault(entitlement, otherwise);
    }
  }

  /**
   * What a comma-separated list of names, each optionally with {@code :count}, holds (the swipe
   * reads it so, in its one statement); null or empty: nothing. Unknown names are skipped, so an
   * older instance reads a newer database.
   */
  public static Held parse(String names) {
    if (names == null || names.isEmpty()) {
      return Held.NONE;
    }
    EnumSet<Entitlement> held = EnumSet.noneOf(Entitlement.class);
    Map<Entitlement, Integer> amounts = new EnumMap<>(Entitlement.class);
    Arrays.stream(names.split(","))
        .forEach(
            item -> {
              int colon = item.indexOf(':');
              String name = colon < 0 ? item : item.substring(0, colon);
              Entitlement entitlement;
              try {
                entitlement = valueOf(name);
              } catch (IllegalArgumentException unknown) {
                return;
              }
              held.add(entitlement);
              if (colon >= 0) {
                amounts.merge(entitlement, Integer.parseInt(item.substring(colon + 1)), Math::max);
              }
            });
    return new Held(held, amounts);
  }
}
