/**
 * The platform's own plumbing: schema migration at deployment, the clock, the Redis connection,
 * the dependency checks behind readiness, and a bare one-row insert (a benchmark ceiling).
 */
package app.dating.platform;
