package app.dating.payments.boundary;

import java.time.Instant;
import java.util.List;

/**
 * What a person may do beyond the free plan at {@code at}: each entitlement with its count (where
 * it has one) and until when; and the consumable credits bought (super-likes, boosts).
 */
public record EntitlementsView(
    Instant at, List<HeldView> entitlements, int superlikeCredits, int boostCredits) {

  /** An entitlement held until a time; amount is its count (super-likes a day …) or null. */
  public record HeldView(String name, Integer amount, Instant until) {}
}
