package app.dating.matching.entity;

/** What a plan may add to the free one; held until a time (table {@code entitlement}). */
public enum Entitlement {
  /** No daily cap on likes. */
  UNLIMITED_LIKES,
  /** More super-likes a day. */
  MORE_SUPERLIKES,
  /** The list of who liked you (everyone sees the count). */
  SEE_LIKES
}
