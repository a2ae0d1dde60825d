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
import java.util.logging.Level;
import java.util.logging.Logger;

/** Hands each event from {@code jms/events} to its observers, in the message's transaction. */
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
      String type = message.getStringProperty(OutboxDrainer.TYPE);
      observers.fire(new DomainEvent(type, JsonP.readObject(message.getBody(String.class))));
    } catch (JMSException | jakarta.json.JsonException e) {
      LOG.log(Level.SEVERE, "Unreadable event dropped: " + message, e);
    }
  }
}
