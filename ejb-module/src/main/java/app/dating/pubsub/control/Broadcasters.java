package app.dating.pubsub.control;

import app.dating.platform.control.RedisConnection;
import app.dating.pubsub.boundary.Broadcaster;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

/** Chooses the broadcaster: Redis pub/sub when configured, in-process otherwise. */
@ApplicationScoped
public class Broadcasters {

  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ManagedThreadFactory threads;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ManagedExecutorService executor;

  @Produces
  @ApplicationScoped
  Broadcaster broadcaster(RedisConnection redis) {
    return redis.client()
        .<Broadcaster>map(client -> new RedisBroadcaster(client, threads))
        .orElseGet(() -> new LocalBroadcaster(executor));
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
