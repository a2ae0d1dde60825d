package app.dating.matching.control;

import app.dating.identity.boundary.AccountDeleted;
import app.dating.identity.boundary.AccountErased;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;

/**
 * A deleted account's matches end at once, for the other person too. At erasure its swipes, usage,
 * counters and entitlements go, and the comments of the reports it made; blocks and reports stay
 * (safety and moderation), tied to the id alone.
 */
@ApplicationScoped
public class MatchEndings {
  @PersistenceContext EntityManager em;
  @Inject Clock clock;

  void accountDeleted(@Observes AccountDeleted deleted) {
    em.createQuery(
            "update Match m set m.endedAt = :now, m.endedBy = :id,"
                + " m.endedReason = app.dating.matching.entity.Match.Ending.DELETED"
                + " where (m.userA = :id or m.userB = :id) and m.endedAt is null")
        .setParameter("now", clock.instant())
        .setParameter("id", deleted.accountId())
        .executeUpdate();
  }

  void accountErased(@Observes AccountErased erased) {
    for (String sql :
        new String[] {
          "delete from swipe where swiper_id = ?1 or target_id = ?1",
          "delete from daily_usage where account_id = ?1",
          "delete from swipe_stats where account_id = ?1",
          "delete from entitlement where account_id = ?1",
          // the free text of reports they made: the report itself stays for moderation, by id only
          "update report set comment = null where reporter_id = ?1"
        }) {
      em.createNativeQuery(sql).setParameter(1, erased.accountId()).executeUpdate();
    }
  }
}
