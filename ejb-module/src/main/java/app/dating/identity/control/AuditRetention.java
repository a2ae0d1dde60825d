package app.dating.identity.control;

import app.dating.platform.boundary.ScheduledRuns;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The audit log keeps each row (with its address and user agent) for {@code audit.retention}, then
 * deletes it, through the one database function allowed to ({@code purge_audit_events}, which keeps
 * 90 days at least). Every {@code audit.retention-interval}, on one instance.
 */
@Singleton
@Startup
public class AuditRetention {
  private static final Logger LOG = Logger.getLogger(AuditRetention.class.getName());

  @PersistenceContext EntityManager em;
  @Inject ScheduledRuns runs;
  @Inject Clock clock;
  @Resource TimerService timers;

  @Inject
  @ConfigProperty(name = "audit.retention", defaultValue = "P365D")
  Duration retention;

  @Inject
  @ConfigProperty(name = "audit.retention-interval", defaultValue = "PT6H")
  Duration interval;

  @PostConstruct
  void schedule() {
    timers.createIntervalTimer(
        interval.toMillis(), interval.toMillis(), new TimerConfig("audit-retention", false));
  }

  @Timeout
  void purge() {
    if (!runs.claim("audit-retention", interval)) {
      return;
    }
    Number purged =
        (Number)
            em.createNativeQuery("select purge_audit_events(?1)")
                .setParameter(1, clock.instant().minus(retention))
                .getSingleResult();
    if (purged.longValue() > 0) {
      LOG.info(() -> "Deleted " + purged + " audit rows older than " + retention);
    }
  }
}
