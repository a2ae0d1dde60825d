package app.dating.payments.boundary;

import app.dating.cache.boundary.SharedCache;
import app.dating.payments.boundary.EntitlementsView.HeldView;
import app.dating.payments.control.Catalogue;
import app.dating.payments.control.EntitlementDerivation;
import app.dating.payments.control.EntitlementDerivation.Access;
import app.dating.payments.control.EntitlementDerivation.Granted;
import app.dating.payments.entity.Entitlement;
import app.dating.payments.entity.Entitlement.Held;
import app.dating.payments.entity.Subscription;
import app.dating.shared.json.JsonP;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The one answer to "what may this person do now". Entitlements are derived from a person's
 * subscriptions (their states and access ends) whenever those change ({@link #recompute}), and
 * stored in the table {@code entitlement}: the swipe reads it in its one statement, everything else
 * through {@link #now}, cached in the shared cache and dropped on every change (in the changing
 * transaction and again after it commits, so no reader caches what was just replaced). What held at
 * an earlier instant is derived from the kept history ({@link #at}).
 */
@Stateless
public class Entitlements {
  static final String CACHE = "payments:entitlements:";
  static final Duration CACHE_TIME = Duration.ofMinutes(5);

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject SharedCache cache;
  @Inject Catalogue catalogue;
  @Resource TransactionSynchronizationRegistry transactions;

  /**
   * What {@code account} holds now. Nothing held is not cached (it is the cheapest answer, and a
   * grant must show at once).
   */
  public Held now(UUID account) {
    Instant now = clock.instant();
    Optional<String> cached = cache.get(CACHE + account);
    List<Granted> granted = cached.map(Entitlements::decode).orElseGet(() -> stored(account, now));
    if (cached.isEmpty() && !granted.isEmpty()) {
      Instant first = granted.stream().map(Granted::until).min(Instant::compareTo).orElseThrow();
      Duration ttl = Duration.between(now, first);
      cache.put(CACHE + account, encode(granted), ttl.compareTo(CACHE_TIME) < 0 ? ttl : CACHE_TIME);
    }
    return held(granted, now);
  }

  /** What {@code account} holds now, for the app: entitlements with counts and ends, credits. */
  public EntitlementsView view(UUID account) {
    Instant now = clock.instant();
    Held held = now(account);
    List<HeldView> views = new ArrayList<>();
    for (Granted g : stored(account, now)) {
      if (held.contains(g.entitlement())) {
        views.add(new HeldView(g.entitlement().name(), g.amount(), g.until()));
      }
    }
    int[] credits = new int[2];
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select kind, sum(quantity) from purchase where account_id = ?1 and state = 'PAID' group by kind")
            .setParameter(1, account)
            .getResultList();
    for (Object[] row : rows) {
      credits["SUPERLIKES".equals(row[0]) ? 0 : 1] = ((Number) row[1]).intValue();
    }
    return new EntitlementsView(now, views, credits[0], credits[1]);
  }

  /**
   * What {@code account} held at {@code at}, from the subscriptions' history: each one's last
   * change at or before then, and the plan's grants.
   */
  public List<Granted> at(UUID account, Instant at) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select distinct on (subscription_id) plan_id, access_until from subscription_change"
                    + " where account_id = ?1 and at <= ?2 order by subscription_id, at desc, id desc")
            .setParameter(1, account)
            .setParameter(2, at)
            .getResultList();
    List<Access> access = rows.stream().map(r -> new Access((String) r[0], instant(r[1]))).toList();
    return EntitlementDerivation.at(access, catalogue.grants(), at);
  }

  /**
   * Derives {@code account}'s entitlements from their subscriptions now and stores them (replacing
   * the earlier ones); drops the cached answer.
   */
  public void recompute(UUID account) {
    Instant now = clock.instant();
    List<Access> access =
        em
            .createNamedQuery(Subscription.OF_ACCOUNT, Subscription.class)
            .setParameter("account", account)
            .getResultList()
            .stream()
            .map(s -> new Access(s.planId(), s.accessUntil()))
            .toList();
    List<Granted> granted = EntitlementDerivation.at(access, catalogue.grants(), now);
    em.flush();
    em.createNativeQuery("delete from entitlement where account_id = ?1")
        .setParameter(1, account)
        .executeUpdate();
    if (!granted.isEmpty()) {
      JsonArrayBuilder rows = JsonP.array();
      for (Granted g : granted) {
        JsonObjectBuilder row =
            JsonP.object().add("name", g.entitlement().name()).add("until", g.until().toString());
        if (g.amount() != null) {
          row.add("amount", g.amount());
        }
        rows.add(row);
      }
      em.createNativeQuery(
              "insert into entitlement (account_id, name, until, amount) select ?1, r.name, r.until, r.amount"
                  + " from json_to_recordset(cast(?2 as json)) as r(name varchar, until timestamptz, amount int)")
          .setParameter(1, account)
          .setParameter(2, rows.build().toString())
          .executeUpdate();
    }
    forget(account);
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              forget(account);
            }
          }
        });
  }

  /** Drops the cached answer of {@code account} (also what an erased account leaves). */
  public void forget(UUID account) {
    cache.take(CACHE + account);
  }

  private List<Granted> stored(UUID account, Instant now) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select name, amount, until from entitlement where account_id = ?1 and until > ?2 order by name")
            .setParameter(1, account)
            .setParameter(2, now)
            .getResultList();
    List<Granted> granted = new ArrayList<>();
    for (Object[] row : rows) {
      try {
        granted.add(
            new Granted(
                Entitlement.valueOf((String) row[0]),
                row[1] == null ? null : ((Number) row[1]).intValue(),
                instant(row[2])));
      } catch (IllegalArgumentException unknown) {
        // a name a newer instance wrote: not this one's to grant
      }
    }
    return granted;
  }

  private static Held held(List<Granted> granted, Instant now) {
    EnumSet<Entitlement> names = EnumSet.noneOf(Entitlement.class);
    Map<Entitlement, Integer> amounts = new EnumMap<>(Entitlement.class);
    for (Granted g : granted) {
      if (g.until().isAfter(now)) {
        names.add(g.entitlement());
        if (g.amount() != null) {
          amounts.put(g.entitlement(), g.amount());
        }
      }
    }
    return names.isEmpty() ? Held.NONE : new Held(names, amounts);
  }

  /** NAME:amount@epochMillis, separated by ';' (amount empty when none). */
  static String encode(List<Granted> granted) {
    StringBuilder text = new StringBuilder();
    for (Granted g : granted) {
      if (!text.isEmpty()) {
        text.append(';');
      }
      text.append(g.entitlement().name())
          .append(':')
          .append(g.amount() == null ? "" : g.amount())
          .append('@')
          .append(g.until().toEpochMilli());
    }
    return text.toString();
  }

  static List<Granted> decode(String text) {
    List<Granted> granted = new ArrayList<>();
    for (String item : text.split(";")) {
      int colon = item.indexOf(':');
      int at = item.indexOf('@');
      if (colon < 0 || at < colon) {
        continue;
      }
      try {
        String amount = item.substring(colon + 1, at);
        granted.add(
            new Granted(
                Entitlement.valueOf(item.substring(0, colon)),
                amount.isEmpty() ? null : Integer.valueOf(amount),
                Instant.ofEpochMilli(Long.parseLong(item.substring(at + 1)))));
      } catch (IllegalArgumentException unreadable) {
        // skipped: a value of another version
      }
    }
    return granted;
  }

  static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Instant i) {
      return i;
    }
    if (value instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    return ((java.sql.Timestamp) value).toInstant();
  }
}
