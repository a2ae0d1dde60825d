/**
 * Background jobs on the server's JMS broker (image processing, matching): stored, queued, retried
 * with back-off and dead-lettered with a reason.
 */
package app.dating.jobs;
