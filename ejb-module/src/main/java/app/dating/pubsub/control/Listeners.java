package app.dating.pubsub.control;

import app.dating.pubsub.boundary.Broadcaster.Subscription;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The listeners of this instance by channel; both broadcasters deliver through it. */
final class Listeners {
  private static final Logger LOG = Logger.getLogger(Listeners.class.getName());

  private final Map<String, List<Consumer<String>>> byChannel = new ConcurrentHashMap<>();

  Subscription add(String channel, Consumer<String> listener) {
    byChannel.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(listener);
    return () -> byChannel.computeIfPresent(channel, (c, list) -> {
      list.remove(listener);
      return list.isEmpty() ? null : list;
    });
  }

  void deliver(String channel, String message) {
    for (Consumer<String> listener : byChannel.getOrDefault(channel, List.of())) {
      try {
        listener.accept(message);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Listener on " + channel + " failed", e);
      }
    }
  }
}
