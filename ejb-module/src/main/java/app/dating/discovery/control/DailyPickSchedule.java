package app.dating.discovery.control;

import app.dating.platform.boundary.ScheduledRuns;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalTime;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes the daily picks once a day at {@code discovery.daily-pick.time} (UTC), on one instance
 * however many are up: each instance's timer fires, the first to claim the day in the database
 * ({@link ScheduledRuns}) runs it. The claim is committed on its own before the run, so an instance
 * that fails half-way leaves the day claimed: the picks of the day before stay until they expire,
 * and an operator can run it again (the admin endpoint).
 */
@Singleton
@Startup
@Lock(LockType.READ) // no state: calls and timeouts run side by side, the claim decides
public class DailyPickSchedule {
  static final String WORK = "daily-pick";
  static final Duration PERIOD = Duration.ofDays(1);

  @Inject ScheduledRuns runs;
  @Inject DailyPickComputation computation;
  @Resource TimerService timers;

  @Inject
  @ConfigProperty(name = "discovery.daily-pick.time", defaultValue = "03:00")
  LocalTime time;

  @PostConstruct
  void schedule() {
    timers.createCalendarTimer(
        new ScheduleExpression()
            .timezone("UTC")
            .hour(time.getHour())
            .minute(time.getMinute())
            .second(0),
        new TimerConfig(WORK, false));
  }

  @Timeout
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void fire() {
    if (claim()) {
      computation.run(null);
    }
  }

  /**
   * Claims the day's run, as each instance's timer does: true for the one claim that wins the day
   * (it runs the picks), false when another instance (or an earlier claim) has it.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public boolean claim() {
    return runs.claim(WORK, PERIOD);
  }
}
