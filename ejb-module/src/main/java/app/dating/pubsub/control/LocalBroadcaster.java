package app.dating.pubsub.control;

import app.dating.pubsub.boundary.Broadcaster;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

/** Delivers within this instance, on an executor thread so a publisher never runs listener code. */
public class LocalBroadcaster implements Broadcaster, AutoCloseable {
  private final Listeners listeners = new Listeners();
  private final Executor executor;

  public LocalBroadcaster(Executor executor) {
    this.executor = executor;
  }

  @Override
  public void publish(String channel, String message) {
    executor.execute(() -> listeners.deliver(channel, message));
  }

  /** Stops the executor if it is a pool of this broadcaster's own. */
  @Override
  public void close() {
    if (executor instanceof ExecutorService pool) {
      pool.shutdown();
    }
  }

  @Override
  public Subscription subscribe(String channel, Consumer<String> listener) {
    return listeners.add(channel, listener);
  }
}
