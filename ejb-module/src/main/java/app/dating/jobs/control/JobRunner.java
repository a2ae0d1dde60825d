package app.dating.jobs.control;

import app.dating.jobs.entity.Job;
import app.dating.jobs.entity.JobType;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one attempt of a job, and records failures, each in a transaction of its own: a failed
 * attempt leaves none of its writes behind, but the record of the failure stays.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class JobRunner {
  private static final Logger LOG = Logger.getLogger(JobRunner.class.getName());

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject @Any Instance<JobHandler> handlers;

  private final Map<JobType, JobHandler> byType = new EnumMap<>(JobType.class);

  @PostConstruct
  void index() {
    handlers.forEach(handler -> byType.put(handler.type(), handler));
  }

  /** Runs the job unless it is unknown or already finished; false means there was nothing to do. */
  public boolean run(UUID jobId, int attempt) {
    Optional<Job> found = Optional.ofNullable(em.find(Job.class, jobId));
    if (found.isEmpty() || found.get().isFinished()) {
      return false;
    }
    Job job = found.get();
    JobHandler handler = byType.get(job.type());
    if (handler == null) {
      throw new IllegalStateException("no handler for job type " + job.type());
    }
    handler.handle(job.payload());
    job.succeeded(attempt, clock.instant());
    return true;
  }

  public void failed(UUID jobId, int attempt, String error, boolean final_) {
    Job job = em.find(Job.class, jobId);
    if (job == null || job.isFinished()) {
      return;
    }
    if (final_) {
      job.deadLettered(attempt, error, clock.instant());
      JobHandler handler = byType.get(job.type());
      if (handler != null) {
        try {
          handler.deadLettered(job.payload());
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "Job " + jobId + ": its handler failed on the dead letter", e);
        }
      }
    } else {
      job.willRetry(attempt, error, clock.instant());
    }
  }
}
