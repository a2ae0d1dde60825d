package app.dating.chat.boundary;

import app.dating.pubsub.boundary.Broadcaster;
import app.dating.shared.json.JsonP;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import java.util.Collection;
import java.util.UUID;

/**
 * Announces chat traffic to every instance (Redis pub/sub, or in-process): a stored message as
 * (conversation, sequence number, members), which each instance's sockets fetch in order; and ready
 * frames (typing, receipts, presence) addressed to accounts. Nothing that must not be lost travels
 * here: messages are stored before they are announced, and clients catch up with a sync.
 *
 * <p>Part of the chat boundary: the WARs announce through it, and the socket module listens on
 * {@link #MESSAGES} and {@link #SIGNALS}.
 */
@ApplicationScoped
public class Fanout {
  public static final String MESSAGES = "chat:messages";
  public static final String SIGNALS = "chat:signals";

  @Inject Broadcaster broadcaster;

  public void announce(UUID conversation, long seq, Collection<UUID> members) {
    broadcaster.publish(
        MESSAGES,
        JsonP.object()
            .add("conversation", conversation.toString())
            .add("seq", seq)
            .add("members", ids(members))
            .build()
            .toString());
  }

  public void signal(Collection<UUID> accounts, String frame) {
    broadcaster.publish(
        SIGNALS, JsonP.object().add("to", ids(accounts)).add("frame", frame).build().toString());
  }

  private static JsonArrayBuilder ids(Collection<UUID> accounts) {
    JsonArrayBuilder ids = JsonP.array();
    accounts.forEach(a -> ids.add(a.toString()));
    return ids;
  }
}
