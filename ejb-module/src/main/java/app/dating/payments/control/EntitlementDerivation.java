package app.dating.payments.control;

import app.dating.payments.entity.Entitlement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a person holds, derived from their subscriptions' access: each entitlement a plan grants is
 * held until the latest access end among the subscriptions granting it, with the largest count.
 * Pure: the same input gives the same answer at any instant.
 */
public final class EntitlementDerivation {
  private EntitlementDerivation() {}

  /** A subscription's plan and until when it gives access (null: none). */
  public record Access(String planId, Instant until) {}

  /** An entitlement held until a time, with its count (null: a yes/no one, or the default). */
  public record Granted(Entitlement entitlement, Integer amount, Instant until) {}

  /** The entitlements held at {@code at}: those whose access runs past it. */
  public static List<Granted> at(
      List<Access> access, Map<String, Map<Entitlement, Integer>> grants, Instant at) {
    Map<Entitlement, Granted> held = new EnumMap<>(Entitlement.class);
    for (Access a : access) {
      if (a.until() == null || !a.until().isAfter(at)) {
        continue;
      }
      grants
          .getOrDefault(a.planId(), Map.of())
          .forEach(
              (entitlement, amount) ->
                  held.merge(
                      entitlement,
                      new Granted(entitlement, amount, a.until()),
                      (x, y) ->
                          new Granted(
                              entitlement,
                              larger(x.amount(), y.amount()),
                              x.until().isAfter(y.until()) ? x.until() : y.until())));
    }
    List<Granted> list = new ArrayList<>(held.values());
    list.sort(Comparator.comparing(Granted::entitlement));
    return list;
  }

  /** The larger count; null (no count) only when both have none. */
  private static Integer larger(Integer x, Integer y) {
    if (x == null) {
      return y;
    }
    if (y == null) {
      return x;
    }
    return Math.max(x, y);
  }
}
