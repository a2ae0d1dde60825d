package app.dating.pubsub.boundary;

import java.util.function.Consumer;

/**
 * Publish/subscribe between the platform's instances: what one instance publishes on a channel,
 * every subscriber on every instance receives (Redis pub/sub), or on this instance only when Redis
 * is not configured. Delivery is at most once and in publish order per publisher; anything that
 * must not be lost is stored first and only announced here.
 */
public interface Broadcaster {

  void publish(String channel, String message);

  /** Calls {@code listener} for each message on {@code channel} until the subscription is closed. */
  Subscription subscribe(String channel, Consumer<String> listener);

  /** A live subscription; closing it stops delivery. */
  interface Subscription extends AutoCloseable {
    @Override
    void close();
  }
}
