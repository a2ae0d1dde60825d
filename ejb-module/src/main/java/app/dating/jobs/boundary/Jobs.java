package app.dating.jobs.boundary;

import app.dating.jobs.control.JobQueue;
import app.dating.jobs.entity.Job;
import app.dating.jobs.entity.JobType;
import app.dating.shared.logging.RequestContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Background work: a job is stored and queued in one transaction, run by {@code JobListener},
 * retried with back-off, and moved to the dead-letter queue when every attempt failed.
 */
@Stateless
public class Jobs {
  @PersistenceContext EntityManager em;
  @Inject JobQueue queue;
  @Inject Clock clock;

  public JobView submit(JobType type, String payload) {
    Job job = new Job(type, payload, RequestContext.current().orElse(null), clock.instant());
    em.persist(job);
    queue.send(job.id(), type.name(), 1, Duration.ZERO);
    return JobView.of(job);
  }

  public Optional<JobView> find(UUID id) {
    return Optional.ofNullable(em.find(Job.class, id)).map(JobView::of);
  }
}
