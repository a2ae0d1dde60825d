package app.dating.matching.control;

import app.dating.matching.entity.SwipeKind;
import app.dating.payments.boundary.Entitlements;
import app.dating.payments.entity.Entitlement;
import app.dating.payments.entity.Entitlement.Held;
import app.dating.shared.json.JsonP;
import app.dating.shared.problem.ProblemType;
import app.dating.shared.problem.RateLimitedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Daily likes and super-likes. The free plan's caps come from configuration; entitlements lift them
 * (the payments component derives them from subscriptions; a plan's count of super-likes a day wins
 * over {@code matching.premium.superlikes-per-day}). Usage is counted per UTC day as it is spent,
 * in the swipes' transaction, so a refused or rolled-back swipe spends nothing.
 */
@ApplicationScoped
public class Allowances {
  /**
   * Adds a batch's likes and super-likes (?1: [{account, likes, superlikes}] in account order) to
   * day ?2; returns the totals.
   */
  static final String SPEND =
      "insert into daily_usage (account_id, day, likes, superlikes)"
          + " select r.account, ?2, r.likes, r.superlikes from json_to_recordset(cast(?1 as json)) as r(account uuid, likes int, superlikes int)"
          + " order by r.account"
          + " on conflict (account_id, day) do update set likes = daily_usage.likes + excluded.likes,"
          + " superlikes = daily_usage.superlikes + excluded.superlikes"
          + " returning cast(account_id as varchar), likes, superlikes";

  /** Takes back what was refused (?1 as for {@link #SPEND}). */
  static final String GIVE_BACK =
      "update daily_usage u set likes = u.likes - r.likes, superlikes = u.superlikes - r.superlikes"
          + " from json_to_recordset(cast(?1 as json)) as r(account uuid, likes int, superlikes int)"
          + " where u.account_id = r.account and u.day = ?2";

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject Entitlements entitlements;

  @Inject
  @ConfigProperty(name = "matching.free.likes-per-day", defaultValue = "100")
  int freeLikes;

  @Inject
  @ConfigProperty(name = "matching.free.superlikes-per-day", defaultValue = "1")
  int freeSuperlikes;

  @Inject
  @ConfigProperty(name = "matching.premium.superlikes-per-day", defaultValue = "5")
  int premiumSuperlikes;

  /** The entitlements a person holds now (the payments component's one answer, cached). */
  public Held held(UUID accountId) {
    return entitlements.now(accountId);
  }

  /**
   * A like or super-like to spend: whose, and the entitlements they hold now (read with the
   * candidate).
   */
  public record Spending(UUID accountId, SwipeKind kind, Held held) {}

  /**
   * Spends likes and super-likes of the allowances of the day of {@code now}, for many people in
   * one statement (a swipe batch): for each, in order, {@code null} when granted, or the refusal
   * saying when the allowance resets. Of one person's, the first are granted up to the cap; a
   * refused one spends nothing (its count is given back in a second statement, only when something
   * was refused).
   */
  public List<RateLimitedException> spendAll(Instant now, List<Spending> wanted) {
    Map<UUID, int[]> counts =
        new HashMap<>(); // SPEND locks the rows in account order, as every batch does
    for (Spending spending : wanted) {
      if (cap(spending) != null) {
        counts
            .computeIfAbsent(spending.accountId(), id -> new int[2])[
            spending.kind() == SwipeKind.SUPERLIKE ? 1 : 0]++;
      }
    }
    List<RateLimitedException> refusals = new ArrayList<>(Collections.nCopies(wanted.size(), null));
    if (counts.isEmpty()) {
      return refusals;
    }
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    @SuppressWarnings("unchecked")
    List<Object[]> totals =
        em.createNativeQuery(SPEND)
            .setParameter(1, usage(counts))
            .setParameter(2, today)
            .getResultList();
    // What each person had spent before this batch: the total now less what the batch adds.
    Map<UUID, int[]> before = new HashMap<>();
    for (Object[] row : totals) {
      UUID account = UUID.fromString((String) row[0]);
      int[] added = counts.get(account);
      before.put(
          account,
          new int[] {
            ((Number) row[1]).intValue() - added[0], ((Number) row[2]).intValue() - added[1]
          });
    }
    Map<UUID, int[]> refused = new HashMap<>();
    for (int i = 0; i < wanted.size(); i++) {
      Spending spending = wanted.get(i);
      Integer cap = cap(spending);
      if (cap == null) {
        continue;
      }
      int column = spending.kind() == SwipeKind.SUPERLIKE ? 1 : 0;
      int[] used = before.get(spending.accountId());
      if (used[column] < cap) {
        used[column]++;
      } else {
        refused.computeIfAbsent(spending.accountId(), id -> new int[2])[column]++;
        refusals.set(i, overCap(spending.kind(), cap, now, today));
      }
    }
    if (!refused.isEmpty()) {
      em.createNativeQuery(GIVE_BACK)
          .setParameter(1, usage(refused))
          .setParameter(2, today)
          .executeUpdate();
    }
    return refusals;
  }

  /**
   * Today's cap on a like or super-like of this person, or {@code null}: none (a pass, or unlimited
   * likes).
   */
  private Integer cap(Spending spending) {
    Held held = spending.held();
    return switch (spending.kind()) {
      case PASS -> null;
      case LIKE -> held.contains(Entitlement.UNLIMITED_LIKES) ? null : freeLikes;
      case SUPERLIKE ->
          held.contains(Entitlement.MORE_SUPERLIKES)
              ? held.amount(Entitlement.MORE_SUPERLIKES, premiumSuperlikes)
              : freeSuperlikes;
    };
  }

  private static String usage(Map<UUID, int[]> counts) {
    JsonArrayBuilder rows = JsonP.array();
    counts.forEach(
        (account, count) ->
            rows.add(
                JsonP.object()
                    .add("account", account.toString())
                    .add("likes", count[0])
                    .add("superlikes", count[1])));
    return rows.build().toString();
  }

  private static RateLimitedException overCap(
      SwipeKind kind, int cap, Instant now, LocalDate today) {
    Instant midnight = today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    return new RateLimitedException(
        ProblemType.DAILY_LIMIT,
        "You have used today's "
            + cap
            + (kind == SwipeKind.SUPERLIKE ? " super-likes" : " likes")
            + "; more at "
            + midnight
            + " (midnight UTC).",
        Duration.between(now, midnight));
  }
}
