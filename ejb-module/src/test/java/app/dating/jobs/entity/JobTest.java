package app.dating.jobs.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class JobTest {
  private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
  private static final Instant T1 = T0.plusSeconds(5);

  private static Job job() {
    return new Job(JobType.DIAGNOSTIC, "{}", "request-1", T0);
  }

  @Test
  void startsQueued() {
    Job job = job();
    assertEquals(JobStatus.QUEUED, job.status());
    assertEquals(0, job.attempts());
    assertFalse(job.isFinished());
  }

  @Test
  void retriesThenSucceeds() {
    Job job = job();
    job.willRetry(1, "boom", T0);
    assertEquals(JobStatus.RETRYING, job.status());
    assertEquals("boom", job.lastError());
    job.succeeded(2, T1);
    assertEquals(JobStatus.SUCCEEDED, job.status());
    assertEquals(2, job.attempts());
    assertNull(job.lastError());
    assertEquals(T1, job.updatedAt());
    assertTrue(job.isFinished());
  }

  @Test
  void deadLetteredKeepsTheReasonWithinTheColumn() {
    Job job = job();
    job.deadLettered(3, "x".repeat(5000), T1);
    assertEquals(JobStatus.DEAD_LETTERED, job.status());
    assertEquals(Job.MAX_ERROR_LENGTH, job.lastError().length());
    assertTrue(job.isFinished());
  }

  @Test
  void aSucceededJobCannotFailAnymore() {
    Job job = job();
    job.succeeded(1, T1);
    assertThrows(IllegalStateException.class, () -> job.deadLettered(2, "late", T1));
  }

  @Test
  void payloadIsBounded() {
    String huge = "x".repeat(Job.MAX_PAYLOAD_LENGTH + 1);
    assertThrows(IllegalArgumentException.class, () -> new Job(JobType.DIAGNOSTIC, huge, null, T0));
  }
}
