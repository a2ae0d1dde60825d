package app.dating.jobs.control;

import app.dating.jobs.entity.JobType;

/**
 * Does the work of one job type, inside its own transaction. Throwing means "this attempt failed":
 * the attempt's writes are rolled back and the job is retried later, then dead-lettered.
 */
public interface JobHandler {

  JobType type();

  void handle(String payload);
}
