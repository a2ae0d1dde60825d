package app.dating.discovery.control;

import app.dating.events.boundary.DomainEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.UUID;

/**
 * Counts the swipes each person received, for the ranker's like rate. Fed by swipe events, off the
 * swipe path, so a popular person's counter is never a hot row under the swipes themselves.
 */
@ApplicationScoped
public class SwipeStats {
  @PersistenceContext EntityManager em;

  void count(@Observes DomainEvent event) {
    if (!DomainEvent.SWIPE.equals(event.type())) {
      return;
    }
    boolean like = !"PASS".equals(event.payload().getString("kind"));
    em.createNativeQuery("insert into swipe_stats (account_id, likes_in, passes_in) values (?1, ?2, ?3)"
            + " on conflict (account_id) do update set likes_in = swipe_stats.likes_in + excluded.likes_in,"
            + " passes_in = swipe_stats.passes_in + excluded.passes_in")
        .setParameter(1, UUID.fromString(event.payload().getString("target")))
        .setParameter(2, like ? 1 : 0)
        .setParameter(3, like ? 0 : 1)
        .executeUpdate();
  }
}
