package app.dating.discovery.control;

import app.dating.events.boundary.DomainEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The learned ranker's online signals, gathered in memory until {@link SignalWriter} writes them
 * (every {@code ranking.signal-flush-interval}): from the domain events (swipes, matches,
 * unmatches, blocks, reports; in batches, off the swipe's path) and from the feed (whom it showed).
 * A CDI bean, as {@link SwipeCounts}, counting once the event's delivery committed.
 */
@ApplicationScoped
public class SignalEvents {
  /** Increments of one person's signals, in the order of {@link Delta#values}. */
  static final class Delta {
    static final int LIKES_IN = 0;
    static final int PASSES_IN = 1;
    static final int LIKES_OUT = 2;
    static final int PASSES_OUT = 3;
    static final int NEGATIVE_IN = 4;
    static final int MATCHES = 5;
    static final int SHOWN = 6;
    final double[] values = new double[7];

    void add(Delta other) {
      for (int i = 0; i < values.length; i++) {
        values[i] += other.values[i];
      }
    }
  }

  /** An unmatch: the other person of the match is looked up when written. */
  record Unmatch(UUID match, UUID by) {}

  private final ConcurrentHashMap<UUID, Delta> pending = new ConcurrentHashMap<>();
  private final List<Unmatch> unmatches = new ArrayList<>();

  void observe(@Observes(during = TransactionPhase.AFTER_SUCCESS) DomainEvent event) {
    JsonObject p = event.payload();
    switch (event.type()) {
      case DomainEvent.SWIPE -> {
        boolean like = !"PASS".equals(p.getString("kind"));
        add(id(p, "swiper"), like ? Delta.LIKES_OUT : Delta.PASSES_OUT, 1);
        add(id(p, "target"), like ? Delta.LIKES_IN : Delta.PASSES_IN, 1);
      }
      case DomainEvent.MATCH -> {
        add(id(p, "a"), Delta.MATCHES, 1);
        add(id(p, "b"), Delta.MATCHES, 1);
      }
      case DomainEvent.BLOCK -> add(id(p, "blocked"), Delta.NEGATIVE_IN, 1);
      case DomainEvent.REPORT -> add(id(p, "reported"), Delta.NEGATIVE_IN, 1);
      case DomainEvent.UNMATCH -> {
        synchronized (unmatches) {
          unmatches.add(new Unmatch(id(p, "match"), id(p, "by")));
        }
      }
      default -> {
        // not a signal
      }
    }
  }

  /** The feed showed these people (a page's cards): their exposure. */
  public void shown(Collection<UUID> people) {
    people.forEach(id -> add(id, Delta.SHOWN, 1));
  }

  void add(UUID person, int which, double amount) {
    pending.compute(
        person,
        (k, d) -> {
          Delta delta = d == null ? new Delta() : d;
          delta.values[which] += amount;
          return delta;
        });
  }

  /** Takes what was gathered, in id order (so two instances' writers never deadlock). */
  Map<UUID, Delta> take() {
    Map<UUID, Delta> taken = new TreeMap<>();
    for (UUID id : List.copyOf(pending.keySet())) {
      Delta d = pending.remove(id);
      if (d != null) {
        taken.put(id, d);
      }
    }
    return taken;
  }

  List<Unmatch> takeUnmatches() {
    synchronized (unmatches) {
      List<Unmatch> taken = List.copyOf(unmatches);
      unmatches.clear();
      return taken;
    }
  }

  /** Gives back what could not be written, for the next write. */
  void giveBack(Map<UUID, Delta> deltas, List<Unmatch> unwritten) {
    deltas.forEach(
        (id, d) ->
            pending.merge(
                id,
                d,
                (a, b) -> {
                  a.add(b);
                  return a;
                }));
    synchronized (unmatches) {
      unmatches.addAll(unwritten);
    }
  }

  private static UUID id(JsonObject payload, String key) {
    return UUID.fromString(payload.getString(key));
  }
}
