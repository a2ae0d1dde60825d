package app.dating.pubsub.control;

import app.dating.platform.control.RedisConnection;
import app.dating.pubsub.boundary.Broadcaster;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.util.concurrent.Executors;

/** Chooses the broadcaster: Redis pub/sub when configured, in-process otherwise. */
@ApplicationScoped
public class Broadcasters {
  /**
   * In process, messages go to listeners on a pool of its own, made from the managed thread factory:
   * each task handed to a managed executor captures the caller's context, and Payara's capture scans
   * the application's class path for context providers every time (a fifth of a chat message's CPU).
   */
  static final int LOCAL_THREADS = 2;

  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ManagedThreadFactory threads;


  @Produces
  @ApplicationScoped
  Broadcaster broadcaster(RedisConnection redis) {
    return redis.client()
        .<Broadcaster>map(client -> new RedisBroadcaster(client, threads))
        .orElseGet(() -> new LocalBroadcaster(Executors.newFixedThreadPool(LOCAL_THREADS, threads)));
  }

  void close(@Disposes Broadcaster broadcaster) {
    if (broadcaster instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
