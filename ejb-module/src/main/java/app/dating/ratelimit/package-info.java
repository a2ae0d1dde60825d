/**
 * Rate limiting for what can be abused (logins, sign-ups, recovery, swipes, messages): token
 * buckets shared through Redis across instances, or kept in process for a single instance.
 */
package app.dating.ratelimit;
