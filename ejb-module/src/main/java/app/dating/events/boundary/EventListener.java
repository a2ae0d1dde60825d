package app.dating.events.boundary;

import app.dating.shared.json.JsonP;
import app.dating.events.control.OutboxDrainer;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.json.JsonObject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands each event from {@code jms/events} to its observers, in order, in the message's transaction:
 * a message holds a batch of events (see {@link OutboxDrainer}); one left from before batches holds one.
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = OutboxDrainer.QUEUE),
      @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")
    })
public class EventListener implements MessageListener {
  private static final Logger LOG = Logger.getLogger(EventListener.class.getName());

  @Inject Event<DomainEvent> observers;

  @Override
  public void onMessage(Message message) {
    try {
      String single = message.getStringProperty(OutboxDrainer.TYPE);
      if (single != null) {
        observers.fire(new DomainEvent(single, JsonP.readObject(message.getBody(String.class))));
        return;
      }
      for (JsonObject event : JsonP.readValue(message.getBody(String.class)).asJsonArray().getValuesAs(JsonObject.class)) {
        observers.fire(new DomainEvent(event.getString(OutboxDrainer.TYPE), event.getJsonObject(OutboxDrainer.PAYLOAD)));
      }
    } catch (JMSException | jakarta.json.JsonException | ClassCastException | NullPointerException e) {
      LOG.log(Level.SEVERE, "Unreadable event message dropped: " + message, e);
    }
  }
}
