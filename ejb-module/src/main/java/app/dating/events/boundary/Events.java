package app.dating.events.boundary;

import app.dating.events.entity.OutboxEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;

/**
 * Publishes domain events through the transactional outbox: the event is a row written in the
 * caller's transaction, so a rolled-back cause leaves no event and a committed one never loses it.
 * One insert keeps the caller fast; {@code OutboxDrainer} sends the rows to JMS.
 */
@ApplicationScoped
public class Events {
  @PersistenceContext EntityManager em;
  @Inject Clock clock;

  public void publish(String type, JsonObject payload) {
    em.persist(new OutboxEvent(type, payload.toString(), clock.instant()));
  }
}
