/** Request ids on every response and in every log line of the request that caused it. */
package app.dating.shared.logging;
