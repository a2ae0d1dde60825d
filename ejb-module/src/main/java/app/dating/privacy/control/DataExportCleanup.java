package app.dating.privacy.control;

import app.dating.identity.boundary.AccountErased;
import app.dating.platform.boundary.ScheduledRuns;
import app.dating.privacy.entity.DataExport;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Archives are not kept past their time: every {@code privacy.export-cleanup-interval} the expired
 * ones are dropped, and an erased account's exports go with it.
 */
@Singleton
@Startup
public class DataExportCleanup {
  private static final Logger LOG = Logger.getLogger(DataExportCleanup.class.getName());

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject ScheduledRuns runs;
  @Resource TimerService timers;

  @Inject
  @ConfigProperty(name = "privacy.export-cleanup-interval", defaultValue = "PT10M")
  Duration interval;

  @PostConstruct
  void schedule() {
    timers.createIntervalTimer(
        interval.toMillis(), interval.toMillis(), new TimerConfig("data-export-cleanup", false));
  }

  /**
   * Every {@code privacy.export-cleanup-interval}, on one instance (the first to claim the period).
   */
  @Timeout
  void expire() {
    if (!runs.claim("data-export-cleanup", interval)) {
      return;
    }
    int expired =
        em.createNamedQuery(DataExport.EXPIRE_DUE)
            .setParameter("now", clock.instant())
            .executeUpdate();
    if (expired > 0) {
      LOG.info(() -> "Dropped the archives of " + expired + " expired data exports");
    }
  }

  public void accountErased(@Observes AccountErased erased) {
    em.createNamedQuery(DataExport.DELETE_OF_ACCOUNT)
        .setParameter("account", erased.accountId())
        .executeUpdate();
  }
}
