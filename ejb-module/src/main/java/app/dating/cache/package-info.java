/** Short-lived shared values (revoked sessions, presence), in Redis across instances or in process. */
package app.dating.cache;
