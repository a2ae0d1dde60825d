/**
 * The platform's own plumbing: schema migration at deployment, the clock, the Redis connection, the
 * dependency checks behind readiness.
 */
package app.dating.platform;
