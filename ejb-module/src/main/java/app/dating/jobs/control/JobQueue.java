package app.dating.jobs.control;

import app.dating.shared.logging.RequestContext;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Queue;
import java.time.Duration;
import java.util.UUID;

/**
 * The JMS side of jobs: the work queue and its dead-letter queue on the server's broker. Sends take
 * part in the caller's transaction, so a job is queued exactly when its row is committed.
 */
@ApplicationScoped
public class JobQueue {
  /** JNDI names, created by payara-config. */
  public static final String QUEUE = "jms/jobs";
  public static final String DEAD_LETTER_QUEUE = "jms/jobs-dead";

  /** Message properties. */
  public static final String ATTEMPT = "attempt";
  public static final String JOB_TYPE = "jobType";
  public static final String REQUEST_ID = "requestId";
  public static final String REASON = "reason";

  @Inject JMSContext jms;

  @Resource(lookup = QUEUE)
  Queue queue;

  @Resource(lookup = DEAD_LETTER_QUEUE)
  Queue deadLetters;

  /** Queues attempt number {@code attempt} of the job, to be delivered after {@code delay}. */
  public void send(UUID jobId, String type, int attempt, Duration delay) {
    JMSProducer producer = tagged(type).setProperty(ATTEMPT, attempt);
    if (!delay.isZero()) {
      producer.setDeliveryDelay(delay.toMillis());
    }
    producer.send(queue, jobId.toString());
  }

  public void deadLetter(UUID jobId, String type, int attempts, String reason) {
    tagged(type).setProperty(ATTEMPT, attempts).setProperty(REASON, reason).send(deadLetters, jobId.toString());
  }

  private JMSProducer tagged(String type) {
    JMSProducer producer = jms.createProducer().setProperty(JOB_TYPE, type);
    RequestContext.current().ifPresent(id -> producer.setProperty(REQUEST_ID, id));
    return producer;
  }
}
