package app.dating.jobs.entity;

public enum JobStatus {
  QUEUED,
  RETRYING,
  SUCCEEDED,
  DEAD_LETTERED
}
