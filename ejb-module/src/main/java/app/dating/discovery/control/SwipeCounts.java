package app.dating.discovery.control;

import app.dating.events.boundary.DomainEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The swipes each person received since {@link SwipeStats} last wrote them, in memory. A CDI bean,
 * not an EJB: its observer runs after the delivery's transaction completed, where an EJB's
 * transaction handling fails on resuming the ended transaction (Payara logs an
 * {@code InvalidTransactionException} per call).
 */
@ApplicationScoped
public class SwipeCounts {
  /** Per person: likes (super-likes count as likes) and passes received since the last write. */
  private final ConcurrentHashMap<UUID, int[]> pending = new ConcurrentHashMap<>();

  /**
   * Counted once the event's delivery committed: a delivery that rolls back comes again, and counting
   * before the commit would count it twice.
   */
  void count(@Observes(during = TransactionPhase.AFTER_SUCCESS) DomainEvent event) {
    if (!DomainEvent.SWIPE.equals(event.type())) {
      return;
    }
    boolean like = !"PASS".equals(event.payload().getString("kind"));
    add(UUID.fromString(event.payload().getString("target")), like ? 1 : 0, like ? 0 : 1);
  }

  /** Takes what was counted, in id order (so two instances' writers never deadlock). */
  Map<UUID, int[]> take() {
    Map<UUID, int[]> taken = new TreeMap<>();
    for (UUID id : List.copyOf(pending.keySet())) {
      int[] counts = pending.remove(id);
      if (counts != null) {
        taken.put(id, counts);
      }
    }
    return taken;
  }

  /** Adds counts (also those taken and not written, for the next write). */
  void add(UUID target, int likes, int passes) {
    pending.compute(target, (id, counts) -> {
      int[] sum = counts == null ? new int[2] : counts;
      sum[0] += likes;
      sum[1] += passes;
      return sum;
    });
  }
}
