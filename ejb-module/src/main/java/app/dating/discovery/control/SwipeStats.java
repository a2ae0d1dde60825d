package app.dating.discovery.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Counts the swipes each person received, for the ranker's like rate. Fed by swipe events, off the
 * swipe path, so a popular person's counter is never a hot row under the swipes themselves.
 *
 * <p>Counted in memory ({@link SwipeCounts}) and written once a second, one upsert for everyone swiped on in that second
 * (an upsert per event was a seventh of a swipe's CPU). The price: a like rate up to a second
 * behind, and the counts of the last second lost if the server dies (it is a ranking signal, not a
 * record; the swipes themselves are in {@code swipe}).
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SwipeStats {
  static final long FLUSH_INTERVAL_MS = 1000;
  private static final Logger LOG = Logger.getLogger(SwipeStats.class.getName());

  static final String UPSERT = "insert into swipe_stats (account_id, likes_in, passes_in)"
      + " select u.id, u.likes, u.passes from unnest(cast(string_to_array(?1, ',') as uuid[]),"
      + " cast(string_to_array(?2, ',') as int[]), cast(string_to_array(?3, ',') as int[])) as u(id, likes, passes)"
      + " where exists (select 1 from account a where a.id = u.id)"
      + " on conflict (account_id) do update set likes_in = swipe_stats.likes_in + excluded.likes_in,"
      + " passes_in = swipe_stats.passes_in + excluded.passes_in";

  @PersistenceContext EntityManager em;
  @Resource TimerService timers;
  @Inject SwipeCounts counts;

  @PostConstruct
  void schedule() {
    timers.createIntervalTimer(FLUSH_INTERVAL_MS, FLUSH_INTERVAL_MS, new TimerConfig("swipe-stats", false));
  }

  @Timeout
  void flush() {
    Map<UUID, int[]> batch = counts.take();
    if (batch.isEmpty()) {
      return;
    }
    try {
      em.createNativeQuery(UPSERT)
          .setParameter(1, batch.keySet().stream().map(UUID::toString).collect(Collectors.joining(",")))
          .setParameter(2, batch.values().stream().map(c -> String.valueOf(c[0])).collect(Collectors.joining(",")))
          .setParameter(3, batch.values().stream().map(c -> String.valueOf(c[1])).collect(Collectors.joining(",")))
          .executeUpdate();
    } catch (RuntimeException e) {
      batch.forEach((id, counted) -> counts.add(id, counted[0], counted[1])); // kept for the next write
      LOG.log(Level.WARNING, "Swipe counters not written; kept for the next attempt", e);
      throw e;
    }
  }

  /** What is still counted in memory is written when the application stops. */
  @PreDestroy
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  void stop() {
    try {
      flush();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Swipe counters of the last second lost at shutdown", e);
    }
  }
}
