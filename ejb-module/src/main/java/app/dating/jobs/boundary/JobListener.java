package app.dating.jobs.boundary;

import app.dating.jobs.control.JobQueue;
import app.dating.jobs.control.JobRunner;
import app.dating.shared.config.ConfigKeys;
import app.dating.shared.logging.RequestContext;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.time.Duration;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Takes jobs off the queue. A failed attempt is queued again with exponential back-off (a new
 * message with a delivery delay, in this message's transaction); after the last attempt the job
 * goes to the dead-letter queue with the reason. Broker-level redeliveries (this transaction rolled
 * back, a crash) count as attempts too, so a poison message cannot loop. (OpenMQ's own
 * endpointExceptionRedeliveryAttempts is left at its default: as an activation property it breaks
 * redeployment on Payara 6.2025.9 with "[int] is not an allowed property value type".)
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = JobQueue.QUEUE),
      @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")
    })
public class JobListener implements MessageListener {
  private static final Logger LOG = Logger.getLogger(JobListener.class.getName());

  @Inject JobRunner runner;
  @Inject JobQueue queue;

  @Inject
  @ConfigProperty(name = ConfigKeys.JOBS_MAX_ATTEMPTS, defaultValue = "5")
  int maxAttempts;

  @Inject
  @ConfigProperty(name = ConfigKeys.JOBS_RETRY_DELAY_MS, defaultValue = "2000")
  long retryDelayMillis;

  @Override
  public void onMessage(Message message) {
    try {
      RequestContext.begin(message.getStringProperty(JobQueue.REQUEST_ID));
      UUID jobId = UUID.fromString(message.getBody(String.class));
      String type = message.getStringProperty(JobQueue.JOB_TYPE);
      int redeliveries =
          message.propertyExists("JMSXDeliveryCount")
              ? message.getIntProperty("JMSXDeliveryCount") - 1
              : 0;
      int attempt = message.getIntProperty(JobQueue.ATTEMPT) + redeliveries;
      process(jobId, type, attempt);
    } catch (JMSException | IllegalArgumentException e) {
      LOG.log(Level.SEVERE, "Unreadable job message dropped: " + message, e);
    } finally {
      RequestContext.end();
    }
  }

  private void process(UUID jobId, String type, int attempt) {
    if (attempt > maxAttempts) {
      fail(jobId, type, maxAttempts, "redelivered by the broker after its last attempt");
      return;
    }
    try {
      runner.run(jobId, attempt);
    } catch (RuntimeException e) {
      fail(jobId, type, attempt, reason(e));
    }
  }

  private void fail(UUID jobId, String type, int attempt, String reason) {
    boolean last = attempt >= maxAttempts;
    runner.failed(jobId, attempt, reason, last);
    if (last) {
      LOG.warning(() -> "Job " + jobId + " dead-lettered after " + attempt + " attempts: " + reason);
      queue.deadLetter(jobId, type, attempt, reason);
    } else {
      Duration delay = Duration.ofMillis(retryDelayMillis << Math.min(attempt - 1, 16));
      LOG.info(() -> "Job " + jobId + " attempt " + attempt + " failed (" + reason + "); retry in " + delay);
      queue.send(jobId, type, attempt + 1, delay);
    }
  }

  private static String reason(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
