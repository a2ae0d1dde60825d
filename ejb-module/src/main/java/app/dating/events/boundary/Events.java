package app.dating.events.boundary;

import app.dating.events.entity.OutboxEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import app.dating.shared.json.JsonP;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;

/**
 * Publishes domain events through the transactional outbox: the event is a row written in the
 * caller's transaction, so a rolled-back cause leaves no event and a committed one never loses it.
 * One insert keeps the caller fast; {@code OutboxDrainer} sends the rows to JMS.
 */
@ApplicationScoped
public class Events {
  @PersistenceContext EntityManager em;
  @Inject Clock clock;

  /** An event to publish: its {@link DomainEvent} type and payload. */
  public record Event(String type, JsonObject payload) {}

  public void publish(String type, JsonObject payload) {
    em.persist(new OutboxEvent(type, payload.toString(), clock.instant()));
  }

  /** Publishes many events with one insert (a batch's). */
  public void publishAll(List<Event> events) {
    if (events.isEmpty()) {
      return;
    }
    JsonArrayBuilder rows = JsonP.array();
    events.forEach(event -> rows.add(JsonP.object().add("type", event.type()).add("payload", event.payload().toString())));
    em.createNamedQuery(OutboxEvent.INSERT_ALL).setParameter(1, rows.build().toString()).setParameter(2, clock.instant()).executeUpdate();
  }
}
