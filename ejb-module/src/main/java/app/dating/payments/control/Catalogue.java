package app.dating.payments.control;

import app.dating.payments.boundary.CatalogueView;
import app.dating.payments.boundary.CatalogueView.GrantView;
import app.dating.payments.boundary.CatalogueView.PlanView;
import app.dating.payments.boundary.CatalogueView.PriceView;
import app.dating.payments.boundary.CatalogueView.ProductView;
import app.dating.payments.control.Prices.Price;
import app.dating.payments.entity.Entitlement;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The catalogue as the database holds it (V37: plan, plan_grant, plan_price, product,
 * product_price, catalogue_name): what is on sale, what each plan grants, what it costs.
 */
@ApplicationScoped
public class Catalogue {
  @PersistenceContext EntityManager em;

  /** A plan or product on sale: its localized name and its price for the caller. */
  public record Offer(
      String id, String name, Price price, int months, String productKind, int quantity) {}

  /** Everything on sale, in {@code language} (falling back to en), priced for {@code currency}. */
  public CatalogueView view(String currency, String language) {
    Map<String, String> names = names(language);
    Map<String, Map<Entitlement, Integer>> grants = grants();
    List<PlanView> plans = new ArrayList<>();
    for (Object[] plan : rows("select id, rank from plan where active order by rank")) {
      String id = (String) plan[0];
      Map<Integer, Map<String, Long>> prices = new TreeMap<>();
      for (Object[] price :
          rows(
              "select months, currency, amount_minor from plan_price where plan_id = ?1 order by months",
              id)) {
        prices
            .computeIfAbsent(((Number) price[0]).intValue(), m -> new HashMap<>())
            .put(((String) price[1]).trim(), ((Number) price[2]).longValue());
      }
      String planCurrency =
          prices.values().stream().anyMatch(p -> p.containsKey(currency))
              ? currency
              : Prices.FALLBACK;
      List<PriceView> priceViews = new ArrayList<>();
      prices.forEach(
          (months, byCurrency) ->
              Prices.select(byCurrency, planCurrency)
                  .ifPresent(
                      p -> priceViews.add(new PriceView(months, p.amountMinor(), p.currency()))));
      List<GrantView> grantViews = new ArrayList<>();
      grants
          .getOrDefault(id, Map.of())
          .forEach((e, amount) -> grantViews.add(new GrantView(e.name(), amount)));
      plans.add(
          new PlanView(
              id,
              names.getOrDefault(id, id),
              ((Number) plan[1]).intValue(),
              grantViews,
              priceViews));
    }
    List<ProductView> products = new ArrayList<>();
    for (Object[] product :
        rows("select id, kind, quantity from product where active order by rank")) {
      String id = (String) product[0];
      productPrice(id, currency)
          .ifPresent(
              p ->
                  products.add(
                      new ProductView(
                          id,
                          names.getOrDefault(id, id),
                          (String) product[1],
                          ((Number) product[2]).intValue(),
                          p.amountMinor(),
                          p.currency())));
    }
    return new CatalogueView(currency, language, plans, products);
  }

  /** A plan on sale for {@code months}, priced for {@code currency}; empty: no such offer. */
  public Optional<Offer> plan(String planId, int months, String currency, String language) {
    List<Object[]> prices =
        rows(
            "select p.currency, p.amount_minor from plan_price p join plan on plan.id = p.plan_id"
                + " where p.plan_id = ?1 and p.months = ?2 and plan.active",
            planId,
            months);
    Map<String, Long> byCurrency = new HashMap<>();
    prices.forEach(r -> byCurrency.put(((String) r[0]).trim(), ((Number) r[1]).longValue()));
    return Prices.select(byCurrency, currency)
        .map(
            price ->
                new Offer(
                    planId, names(language).getOrDefault(planId, planId), price, months, null, 0));
  }

  /** A pack on sale, priced for {@code currency}; empty: no such offer. */
  public Optional<Offer> product(String productId, String currency, String language) {
    List<Object[]> product =
        rows("select kind, quantity from product where id = ?1 and active", productId);
    if (product.isEmpty()) {
      return Optional.empty();
    }
    return productPrice(productId, currency)
        .map(
            price ->
                new Offer(
                    productId,
                    names(language).getOrDefault(productId, productId),
                    price,
                    0,
                    (String) product.get(0)[0],
                    ((Number) product.get(0)[1]).intValue()));
  }

  /** What each plan grants, with counts. */
  public Map<String, Map<Entitlement, Integer>> grants() {
    Map<String, Map<Entitlement, Integer>> grants = new HashMap<>();
    for (Object[] row :
        rows("select plan_id, entitlement, amount from plan_grant order by plan_id, entitlement")) {
      grants
          .computeIfAbsent((String) row[0], p -> new EnumMap<>(Entitlement.class))
          .put(
              Entitlement.valueOf((String) row[1]),
              row[2] == null ? null : ((Number) row[2]).intValue());
    }
    return grants;
  }

  /** Whether a plan exists (on sale or not: subscriptions to a retired plan run on). */
  public boolean planExists(String planId) {
    return !rows("select 1 from plan where id = ?1", planId).isEmpty();
  }

  private Optional<Price> productPrice(String productId, String currency) {
    Map<String, Long> byCurrency = new HashMap<>();
    rows("select currency, amount_minor from product_price where product_id = ?1", productId)
        .forEach(r -> byCurrency.put(((String) r[0]).trim(), ((Number) r[1]).longValue()));
    return Prices.select(byCurrency, currency);
  }

  /** Names in {@code language}, each falling back to English. */
  private Map<String, String> names(String language) {
    Map<String, String> names = new LinkedHashMap<>();
    for (Object[] row :
        rows(
            "select item_id, name from catalogue_name where locale = 'en' or locale = ?1 order by (locale = ?1)",
            language)) {
      names.put((String) row[0], (String) row[1]); // the wanted language's come last and win
    }
    return names;
  }

  private List<Object[]> rows(String sql, Object... parameters) {
    var query = em.createNativeQuery(sql);
    for (int i = 0; i < parameters.length; i++) {
      query.setParameter(i + 1, parameters[i]);
    }
    @SuppressWarnings("unchecked")
    List<Object> rows = query.getResultList();
    List<Object[]> result = new ArrayList<>(rows.size());
    for (Object row : rows) {
      result.add(row instanceof Object[] array ? array : new Object[] {row});
    }
    return result;
  }
}
