package app.dating.discovery.control;

import app.dating.platform.boundary.ScheduledRuns;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Retrains the model every {@code ranking.retrain-interval} (a day by default), on one instance
 * however many are up ({@link ScheduledRuns#claim}): the new version is used by every instance
 * within {@code ranking.refresh-interval} unless an operator pinned an older one.
 */
@Singleton
@Startup
public class Retraining {
  /** The scheduled work's name in {@code scheduled_run}. */
  public static final String WORK = "ranking-retrain";

  private static final Logger LOG = Logger.getLogger(Retraining.class.getName());

  @Inject ScheduledRuns runs;
  @Inject ModelTraining training;
  @Inject ModelHolder holder;
  @Resource TimerService timers;

  @Inject
  @ConfigProperty(name = "ranking.retrain-interval", defaultValue = "P1D")
  Duration interval;

  @PostConstruct
  void schedule() {
    timers.createIntervalTimer(
        interval.toMillis(), interval.toMillis(), new TimerConfig(WORK, false));
  }

  /** Whether this instance won this period's retrain (then it must do it, in this transaction). */
  public boolean claim() {
    return runs.claim(WORK, interval);
  }

  @Timeout
  void retrain() {
    if (!claim()) {
      return;
    }
    try {
      training.train();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Scheduled ranking retrain did not train", e);
      return;
    }
    holder.refresh();
  }
}
