package app.dating.matching.control;

import app.dating.matching.entity.Entitlement;
import app.dating.matching.entity.SwipeKind;
import app.dating.shared.problem.ProblemType;
import app.dating.shared.problem.RateLimitedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Daily likes and super-likes. The free plan's caps come from configuration; entitlements lift them
 * (the premium issue sells those). Usage is counted per UTC day as it is spent, in the swipe's
 * transaction, so a refused or rolled-back swipe spends nothing.
 */
@ApplicationScoped
public class Allowances {
  @PersistenceContext EntityManager em;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "matching.free.likes-per-day", defaultValue = "100")
  int freeLikes;

  @Inject
  @ConfigProperty(name = "matching.free.superlikes-per-day", defaultValue = "1")
  int freeSuperlikes;

  @Inject
  @ConfigProperty(name = "matching.premium.superlikes-per-day", defaultValue = "5")
  int premiumSuperlikes;

  /** The entitlements a person holds now. */
  public Set<Entitlement> held(UUID accountId) {
    @SuppressWarnings("unchecked")
    List<String> names = em.createNativeQuery("select name from entitlement where account_id = ?1 and until > ?2")
        .setParameter(1, accountId)
        .setParameter(2, clock.instant())
        .getResultList();
    EnumSet<Entitlement> held = EnumSet.noneOf(Entitlement.class);
    names.forEach(name -> held.add(Entitlement.valueOf(name)));
    return held;
  }

  /**
   * Spends one like or super-like of today's allowance, or refuses with when it resets; {@code held}:
   * the entitlements the person holds now (the swipe reads them with the candidate).
   */
  public void spend(UUID accountId, SwipeKind kind, Set<Entitlement> held) {
    if (!kind.isLike()) {
      return;
    }
    boolean superlike = kind == SwipeKind.SUPERLIKE;
    int cap = superlike ? (held.contains(Entitlement.MORE_SUPERLIKES) ? premiumSuperlikes : freeSuperlikes) : freeLikes;
    if (!superlike && held.contains(Entitlement.UNLIMITED_LIKES)) {
      return;
    }
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    Number used = (Number) em.createNativeQuery(
            "insert into daily_usage (account_id, day, likes, superlikes) values (?1, ?2, ?3, ?4)"
                + " on conflict (account_id, day) do update set likes = daily_usage.likes + excluded.likes,"
                + " superlikes = daily_usage.superlikes + excluded.superlikes"
                + " returning " + (superlike ? "superlikes" : "likes"))
        .setParameter(1, accountId)
        .setParameter(2, today)
        .setParameter(3, superlike ? 0 : 1)
        .setParameter(4, superlike ? 1 : 0)
        .getSingleResult();
    if (used.intValue() > cap) {
      Instant midnight = today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
      throw new RateLimitedException(ProblemType.DAILY_LIMIT,
          "You have used today's " + cap + (superlike ? " super-likes" : " likes") + "; more at " + midnight + " (midnight UTC).",
          Duration.between(now, midnight));
    }
  }
}
