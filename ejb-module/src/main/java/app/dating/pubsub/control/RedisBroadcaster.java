package app.dating.pubsub.control;

import app.dating.pubsub.boundary.Broadcaster;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.UnifiedJedis;

/**
 * Redis pub/sub. One connection per instance subscribes to the platform's channel pattern and hands
 * messages to the local listeners; if the connection drops it reconnects with back-off.
 */
public class RedisBroadcaster implements Broadcaster, AutoCloseable {
  static final String PREFIX = "dating:bus:";
  private static final Logger LOG = Logger.getLogger(RedisBroadcaster.class.getName());

  private final UnifiedJedis redis;
  private final Listeners listeners = new Listeners();
  private final Thread subscriber;
  private volatile JedisPubSub pubSub;
  private volatile boolean closed;

  public RedisBroadcaster(UnifiedJedis redis, ThreadFactory threads) {
    this.redis = redis;
    this.subscriber = threads.newThread(this::subscribeUntilClosed);
    this.subscriber.setName("redis-broadcaster");
    this.subscriber.start();
  }

  @Override
  public void publish(String channel, String message) {
    redis.publish(PREFIX + channel, message);
  }

  @Override
  public Subscription subscribe(String channel, Consumer<String> listener) {
    return listeners.add(channel, listener);
  }

  /** True once the pattern subscription is in place (messages published before are not seen). */
  public boolean isSubscribed() {
    JedisPubSub current = pubSub;
    return current != null && current.isSubscribed();
  }

  private void subscribeUntilClosed() {
    long backoffMillis = 100;
    while (!closed) {
      JedisPubSub session =
          new JedisPubSub() {
            @Override
            public void onPMessage(String pattern, String channel, String message) {
              listeners.deliver(channel.substring(PREFIX.length()), message);
            }
          };
      pubSub = session;
      try {
        redis.psubscribe(session, PREFIX + "*");
        backoffMillis = 100;
      } catch (RuntimeException e) {
        if (closed) {
          return;
        }
        LOG.log(Level.WARNING, "Redis subscription lost; retrying in " + backoffMillis + " ms", e);
        sleep(backoffMillis);
        backoffMillis = Math.min(backoffMillis * 2, 5_000);
      }
    }
  }

  private static void sleep(long millis) {
    try {
      TimeUnit.MILLISECONDS.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    closed = true;
    JedisPubSub current = pubSub;
    if (current != null && current.isSubscribed()) {
      current.punsubscribe();
    }
    subscriber.interrupt();
  }
}
