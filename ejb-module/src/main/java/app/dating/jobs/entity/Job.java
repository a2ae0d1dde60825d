package app.dating.jobs.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** One unit of background work and what became of it. */
@Entity
@Table(name = "job")
public class Job {
  public static final int MAX_ERROR_LENGTH = 1000;
  public static final int MAX_PAYLOAD_LENGTH = 64 * 1024;

  @Id private UUID id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 40)
  private JobType type;

  @Column(nullable = false)
  private String payload;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private JobStatus status;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "last_error", length = MAX_ERROR_LENGTH)
  private String lastError;

  @Column(name = "request_id", length = 64)
  private String requestId;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected Job() {}

  public Job(JobType type, String payload, String requestId, Instant now) {
    this.id = UUID.randomUUID();
    this.type = Objects.requireNonNull(type);
    this.payload = Objects.requireNonNull(payload);
    if (payload.length() > MAX_PAYLOAD_LENGTH) {
      throw new IllegalArgumentException("payload longer than " + MAX_PAYLOAD_LENGTH);
    }
    this.requestId = requestId;
    this.status = JobStatus.QUEUED;
    this.createdAt = now;
    this.updatedAt = now;
  }

  public void succeeded(int attempt, Instant now) {
    attempts = attempt;
    status = JobStatus.SUCCEEDED;
    lastError = null;
    updatedAt = now;
  }

  /** A failed attempt that will be tried again. */
  public void willRetry(int attempt, String error, Instant now) {
    failed(attempt, error, JobStatus.RETRYING, now);
  }

  /** The last attempt failed too: the job now sits in the dead-letter queue. */
  public void deadLettered(int attempt, String error, Instant now) {
    failed(attempt, error, JobStatus.DEAD_LETTERED, now);
  }

  private void failed(int attempt, String error, JobStatus next, Instant now) {
    if (status == JobStatus.SUCCEEDED) {
      throw new IllegalStateException("job " + id + " already succeeded");
    }
    attempts = attempt;
    status = next;
    lastError = error == null ? null : error.substring(0, Math.min(error.length(), MAX_ERROR_LENGTH));
    updatedAt = now;
  }

  public boolean isFinished() {
    return status == JobStatus.SUCCEEDED || status == JobStatus.DEAD_LETTERED;
  }

  public UUID id() {
    return id;
  }

  public JobType type() {
    return type;
  }

  public String payload() {
    return payload;
  }

  public JobStatus status() {
    return status;
  }

  public int attempts() {
    return attempts;
  }

  public String lastError() {
    return lastError;
  }

  public String requestId() {
    return requestId;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
