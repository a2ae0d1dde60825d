package app.dating.matching.entity;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/** What a plan may add to the free one; held until a time (table {@code entitlement}). */
public enum Entitlement {
  /** No daily cap on likes. */
  UNLIMITED_LIKES,
  /** More super-likes a day. */
  MORE_SUPERLIKES,
  /** The list of who liked you (everyone sees the count). */
  SEE_LIKES;

  /** The entitlements of a comma-separated list of names (null: none). */
  public static Set<Entitlement> parse(String names) {
    EnumSet<Entitlement> held = EnumSet.noneOf(Entitlement.class);
    if (names != null && !names.isEmpty()) {
      Arrays.stream(names.split(",")).map(Entitlement::valueOf).forEach(held::add);
    }
    return held;
  }
}
