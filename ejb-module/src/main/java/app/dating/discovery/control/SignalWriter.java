package app.dating.discovery.control;

import app.dating.discovery.control.SignalEvents.Delta;
import app.dating.discovery.control.SignalEvents.Unmatch;
import app.dating.shared.json.JsonP;
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
import jakarta.json.JsonArrayBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes the gathered online signals ({@link SignalEvents}) every {@code
 * ranking.signal-flush-interval} (2 s by default): one upsert for everyone touched since, decaying
 * what was stored to now before adding. So a swipe reaches the ranker's features within seconds
 * (the outbox's drain, the JMS delivery, this interval), without a retrain. A server that dies
 * loses the last interval's signals (they are ranking signals; the swipes themselves are stored).
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SignalWriter {
  private static final Logger LOG = Logger.getLogger(SignalWriter.class.getName());

  @PersistenceContext EntityManager em;
  @Resource TimerService timers;
  @Inject SignalEvents events;
  @Inject Signals signals;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "ranking.signal-flush-interval", defaultValue = "PT2S")
  Duration interval;

  @PostConstruct
  void schedule() {
    timers.createIntervalTimer(
        interval.toMillis(), interval.toMillis(), new TimerConfig("ranking-signals", false));
  }

  @Timeout
  void flush() {
    List<Unmatch> unmatches = events.takeUnmatches();
    if (!unmatches.isEmpty()) {
      unmatched(unmatches);
    }
    Map<UUID, Delta> batch = events.take();
    if (batch.isEmpty()) {
      return;
    }
    try {
      JsonArrayBuilder rows = JsonP.array();
      batch.forEach(
          (id, d) ->
              rows.add(
                  JsonP.object()
                      .add("id", id.toString())
                      .add("li", d.values[Delta.LIKES_IN])
                      .add("pi", d.values[Delta.PASSES_IN])
                      .add("lo", d.values[Delta.LIKES_OUT])
                      .add("po", d.values[Delta.PASSES_OUT])
                      .add("neg", d.values[Delta.NEGATIVE_IN])
                      .add("m", d.values[Delta.MATCHES])
                      .add("sh", d.values[Delta.SHOWN])));
      em.createNativeQuery(Signals.UPSERT)
          .setParameter(1, rows.build().toString())
          .setParameter(2, clock.instant())
          .setParameter(3, LocalDate.now(clock.withZone(ZoneOffset.UTC)))
          .setParameter(4, signals.tau())
          .executeUpdate();
    } catch (RuntimeException e) {
      events.giveBack(batch, List.of());
      LOG.log(Level.WARNING, "Ranking signals not written; kept for the next attempt", e);
      throw e;
    }
  }

  /** The person who was unmatched (the match's other side) gets a negative signal. */
  private void unmatched(List<Unmatch> unmatches) {
    @SuppressWarnings("unchecked")
    List<String> others =
        em.createNativeQuery(
                "select cast(case when m.user_a = u.by then m.user_b else m.user_a end as varchar)"
                    + " from json_to_recordset(cast(?1 as json)) as u(match uuid, by uuid)"
                    + " join match m on m.id = u.match")
            .setParameter(
                1,
                unmatches.stream()
                    .map(u -> "{\"match\":\"" + u.match() + "\",\"by\":\"" + u.by() + "\"}")
                    .collect(Collectors.joining(",", "[", "]")))
            .getResultList();
    others.forEach(other -> events.add(UUID.fromString(other), Delta.NEGATIVE_IN, 1));
  }

  /** What is still gathered is written when the application stops. */
  @PreDestroy
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  void stop() {
    try {
      flush();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Ranking signals of the last interval lost at shutdown", e);
    }
  }
}
