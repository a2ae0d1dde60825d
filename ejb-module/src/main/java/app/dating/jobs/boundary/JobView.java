package app.dating.jobs.boundary;

import app.dating.jobs.entity.Job;
import java.time.Instant;
import java.util.UUID;

/** What the API shows of a job. */
public record JobView(
    UUID id,
    String type,
    String status,
    int attempts,
    String lastError,
    Instant createdAt,
    Instant updatedAt) {

  static JobView of(Job job) {
    return new JobView(
        job.id(),
        job.type().name(),
        job.status().name(),
        job.attempts(),
        job.lastError(),
        job.createdAt(),
        job.updatedAt());
  }
}
