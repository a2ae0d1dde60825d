package app.dating.platform.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Scheduled work that runs once per period however many instances are up: each instance's timer
 * fires, and the first to claim the period in the database does the work, in the same transaction.
 * The claim is one statement on one row ({@code scheduled_run}), so two instances cannot both win.
 */
@Stateless
public class ScheduledRuns {
  @PersistenceContext EntityManager em;
  @Inject Clock clock;

  /**
   * Claims this period of {@code work}: true when no instance ran it in the last {@code period}
   * (the caller does the work now), false otherwise. A rolled-back transaction gives the claim
   * back.
   */
  public boolean claim(String work, Duration period) {
    Instant now = clock.instant();
    return !em.createNativeQuery(
            "insert into scheduled_run (name, last_run_at) values (?1, ?2) on conflict (name) do update"
                + " set last_run_at = excluded.last_run_at where scheduled_run.last_run_at <= ?3 returning name")
        .setParameter(1, work)
        .setParameter(2, now)
        .setParameter(3, now.minus(period).plusMillis(period.toMillis() / 10))
        .getResultList()
        .isEmpty();
  }
}
