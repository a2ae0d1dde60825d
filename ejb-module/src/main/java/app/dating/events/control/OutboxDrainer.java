package app.dating.events.control;

import app.dating.events.entity.OutboxEvent;
import app.dating.shared.json.JsonP;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.json.JsonArrayBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Moves outbox rows to the JMS queue {@code jms/events}, oldest first, in batches: one JMS message
 * per batch, a JSON array of {@code {"type": …, "payload": {…}}} in outbox order (one persistent
 * message per event cost a swipe a tenth of its CPU, in the broker and in the listener). Sending and
 * deleting share one transaction, so a row leaves the outbox exactly when its message is queued.
 * Several instances may drain at once: each locks its batch with {@code skip locked}.
 */
@Singleton
@Startup
public class OutboxDrainer {
  public static final String QUEUE = "jms/events";
  /** A message of a single event (as sent before batches) names its type in this property. */
  public static final String TYPE = "eventType";
  public static final String PAYLOAD = "payload";
  private static final Logger LOG = Logger.getLogger(OutboxDrainer.class.getName());
  private static final int BATCH = 500;

  @PersistenceContext EntityManager em;
  @Resource TimerService timers;
  @Resource SessionContext context;
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

  /** Drains batch after batch while they come full, for up to a second: a busy outbox is emptied, not sampled. */
  @Timeout
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void drain() {
    OutboxDrainer self = context.getBusinessObject(OutboxDrainer.class);
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
    while (self.drainBatch() == BATCH && System.nanoTime() < until) {
      // the next batch
    }
  }

  /** Queues the oldest events not locked by another instance and deletes them, in one transaction; says how many. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int drainBatch() {
    try {
      @SuppressWarnings("unchecked")
      List<OutboxEvent> batch = em.createNamedQuery(OutboxEvent.NEXT_BATCH).setParameter(1, BATCH).getResultList();
      if (batch.isEmpty()) {
        return 0;
      }
      JsonArrayBuilder events = JsonP.array();
      for (OutboxEvent event : batch) {
        events.add(JsonP.object().add(TYPE, event.type()).add(PAYLOAD, JsonP.readObject(event.payload())));
      }
      jms.createProducer().send(queue, events.build().toString());
      em.createNativeQuery("delete from outbox where id = any(cast(string_to_array(?1, ',') as bigint[]))")
          .setParameter(1, batch.stream().map(e -> String.valueOf(e.id())).collect(Collectors.joining(","))).executeUpdate();
      return batch.size();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Outbox drain failed; the events stay and are sent next time", e);
      throw e;
    }
  }
}
