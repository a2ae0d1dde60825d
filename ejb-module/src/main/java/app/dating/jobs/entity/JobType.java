package app.dating.jobs.entity;

/** What a background job does; each type has one {@code JobHandler}. */
public enum JobType {
  /** Echoes its payload, or fails on request: lets operators and tests check the pipeline. */
  DIAGNOSTIC,
  /** Sends the link that verifies an account's email address. */
  EMAIL_VERIFICATION,
  /** Sends a single-use link that lets the owner of an address choose a new password. */
  PASSWORD_RESET,
  /** Tells an account's owner of a security event (a provider linked or unlinked, ...). */
  SECURITY_NOTICE,
  /** Makes the sizes of an uploaded photo, without its metadata. */
  PHOTO_PROCESSING,
  /** Builds an account holder's data export and mails that it is ready. */
  DATA_EXPORT
}
