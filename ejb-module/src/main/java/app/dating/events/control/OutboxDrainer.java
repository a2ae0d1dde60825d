package app.dating.events.control;

import app.dating.events.entity.OutboxEvent;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Moves outbox rows to the JMS queue {@code jms/events}, oldest first, in batches. Sending and
 * deleting share one transaction, so a row leaves the outbox exactly when its message is queued.
 * Several instances may drain at once: each locks its batch with {@code skip locked}.
 */
@Singleton
@Startup
public class OutboxDrainer {
  public static final String QUEUE = "jms/events";
  public static final String TYPE = "eventType";
  private static final Logger LOG = Logger.getLogger(OutboxDrainer.class.getName());
  private static final int BATCH = 500;

  @PersistenceContext EntityManager em;
  @Resource TimerService timers;
  @Inject JMSContext jms;

  @Resource(lookup = QUEUE)
  Queue queue;

  @Inject
  @ConfigProperty(name = "events.drain-interval", defaultValue = "PT0.2S")
  Duration interval;

  @PostConstruct
  void schedule() {
    timers.createIntervalTimer(interval.toMillis(), interval.toMillis(), new TimerConfig("outbox-drainer", false));
  }

  @Timeout
  void drain() {
    try {
      @SuppressWarnings("unchecked")
      List<OutboxEvent> batch = em.createNamedQuery(OutboxEvent.NEXT_BATCH).setParameter(1, BATCH).getResultList();
      if (batch.isEmpty()) {
        return;
      }
      for (OutboxEvent event : batch) {
        jms.createProducer().setProperty(TYPE, event.type()).send(queue, event.payload());
      }
      em.createNamedQuery(OutboxEvent.DELETE_UP_TO).setParameter("ids", batch.stream().map(OutboxEvent::id).toList()).executeUpdate();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Outbox drain failed; the events stay and are sent next time", e);
      throw e;
    }
  }
}
