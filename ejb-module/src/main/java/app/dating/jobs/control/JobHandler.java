package app.dating.jobs.control;

import app.dating.jobs.entity.JobType;

/**
 * Does the work of one job type, inside its own transaction. Throwing means "this attempt failed":
 * the attempt's writes are rolled back and the job is retried later, then dead-lettered.
 */
public interface JobHandler {

  JobType type();

  void handle(String payload);

  /**
   * The job failed for the last time and goes to the dead-letter queue: a chance to leave what it
   * was about in a final state, in a transaction of its own. Nothing by default.
   */
  default void deadLettered(String payload) {}
}
