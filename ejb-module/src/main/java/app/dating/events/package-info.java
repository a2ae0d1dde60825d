/**
 * Domain events (a swipe, a match, a block, a report): written to the transactional outbox in the
 * transaction that caused them, so an event exists exactly when its cause committed; drained to the
 * JMS queue {@code jms/events}, a batch per message; delivered to observers of {@link app.dating.events.boundary.DomainEvent}.
 */
package app.dating.events;
