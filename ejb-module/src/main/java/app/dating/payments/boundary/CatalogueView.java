package app.dating.payments.boundary;

import java.util.List;

/**
 * The plans and packs on sale, named in the caller's language, priced in the caller's currency (or
 * EUR where a price has none in it).
 */
public record CatalogueView(
    String currency, String language, List<PlanView> plans, List<ProductView> products) {

  /** A plan: what it grants and what it costs per period. */
  public record PlanView(
      String id, String name, int rank, List<GrantView> entitlements, List<PriceView> prices) {}

  /** An entitlement a plan grants, with its count where it has one (super-likes a day …). */
  public record GrantView(String entitlement, Integer amount) {}

  /** A price: for {@code months} (1, 6, 12), in minor units of an ISO 4217 currency. */
  public record PriceView(int months, long amountMinor, String currency) {}

  /** A consumable pack: SUPERLIKES or BOOSTS, how many, at what price. */
  public record ProductView(
      String id, String name, String kind, int quantity, long amountMinor, String currency) {}
}
