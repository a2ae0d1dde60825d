package app.dating.payments.control;

import app.dating.identity.boundary.Caller;
import app.dating.payments.entity.Lifecycle.Trigger;
import app.dating.payments.entity.Subscription;
import app.dating.payments.entity.SubscriptionState;
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
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Moves subscriptions whose time has come, every {@code payments.sweep-interval} on one instance
 * (the first to claim the period): a period over without a renewal (ACTIVE → IN_GRACE, TRIAL and
 * CANCELLED_AT_PERIOD_END → EXPIRED), a grace period over (IN_GRACE → PAST_DUE), billing retries
 * over ({@code payments.retry-window} after the period's end: PAST_DUE → EXPIRED). Entitlements end
 * on time without it (they are stored with their end); the job makes the state, the audit and the
 * event follow.
 */
@Singleton
@Startup
public class SubscriptionSweep {
  private static final Logger LOG = Logger.getLogger(SubscriptionSweep.class.getName());
  private static final Caller SYSTEM = new Caller(null, "subscription-sweep");
  static final int BATCH = 200;

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject ScheduledRuns runs;
  @Inject Subscriptions subscriptions;
  @Inject SubscriptionChanges changes;
  @Resource TimerService timers;

  @Inject
  @ConfigProperty(name = "payments.sweep-interval", defaultValue = "PT1M")
  Duration interval;

  @Inject
  @ConfigProperty(name = "payments.grace-period", defaultValue = "P3D")
  Duration grace;

  @Inject
  @ConfigProperty(name = "payments.retry-window", defaultValue = "P14D")
  Duration retryWindow;

  @PostConstruct
  void schedule() {
    timers.createIntervalTimer(
        interval.toMillis(), interval.toMillis(), new TimerConfig("subscription-sweep", false));
  }

  @Timeout
  void sweep() {
    if (!runs.claim("subscription-sweep", interval)) {
      return;
    }
    Instant now = clock.instant();
    List<Subscription> due =
        em.createNamedQuery(Subscription.DUE, Subscription.class)
            .setParameter("now", now)
            .setParameter("retriesOver", now.minus(retryWindow))
            .setMaxResults(BATCH)
            .getResultList();
    int moved = 0;
    for (Subscription candidate : due) {
      Subscription s =
          subscriptions.lock(candidate.provider(), candidate.providerRef()).orElse(null);
      if (s == null) {
        continue;
      }
      em.refresh(s);
      Trigger trigger = trigger(s, now, now.minus(retryWindow));
      if (trigger != null) {
        var change = s.apply(trigger, null, grace, now);
        if (change.isPresent()) {
          changes.record(s, change.get(), "subscription-sweep", SYSTEM);
          moved++;
        }
      }
    }
    if (moved > 0) {
      int count = moved;
      LOG.info(() -> "Moved " + count + " subscriptions whose time had come");
    }
  }

  /**
   * What is due for {@code s} at {@code now} (billing retries are over for a period that ended
   * before {@code retriesOver}), or null: nothing (someone moved it meanwhile).
   */
  static Trigger trigger(Subscription s, Instant now, Instant retriesOver) {
    SubscriptionState state = s.state();
    if ((state == SubscriptionState.ACTIVE
            || state == SubscriptionState.TRIAL
            || state == SubscriptionState.CANCELLED_AT_PERIOD_END)
        && !s.periodEnd().isAfter(now)) {
      return Trigger.PERIOD_ENDED;
    }
    if (state == SubscriptionState.IN_GRACE
        && s.graceUntil() != null
        && !s.graceUntil().isAfter(now)) {
      return Trigger.GRACE_ENDED;
    }
    if (state == SubscriptionState.PAST_DUE && !s.periodEnd().isAfter(retriesOver)) {
      return Trigger.RETRIES_EXHAUSTED;
    }
    return null;
  }
}
