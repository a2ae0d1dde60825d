package app.dating.visibility.boundary;

import app.dating.visibility.entity.Block;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.UUID;

/**
 * The one place that decides whether a person may see another's profile, and who may use a
 * conversation. The public profile and the photos ask here; it runs in the caller's transaction.
 *
 * <p>People always see their own profile; others only a discoverable profile of an active account,
 * and never when either blocked the other. A conversation (an active match) and its photos are for
 * its two people only, and only while the match lasts.
 */
@ApplicationScoped
public class Visibility {
  @PersistenceContext EntityManager em;

  /** Whether {@code viewerId} may see the profile (and profile photos) of {@code ownerId}. */
  public boolean canSee(UUID viewerId, UUID ownerId) {
    if (viewerId.equals(ownerId)) {
      return true;
    }
    return count(
            em.createNamedQuery(Block.SEES)
                .setParameter(1, viewerId)
                .setParameter(2, ownerId)
                .getSingleResult())
        > 0;
  }

  /**
   * Whether {@code person} may use the conversation {@code conversationId} now: one of the two of
   * that match, and the match not ended (unmatch, block, deletion).
   */
  public boolean inOpenConversation(UUID conversationId, UUID person) {
    return count(
            em.createNamedQuery(Block.IN_OPEN_MATCH)
                .setParameter(1, conversationId)
                .setParameter(2, person)
                .getSingleResult())
        > 0;
  }

  /**
   * {@code blockerId} blocks {@code blockedId}: hidden from each other from now on; blocking again
   * changes nothing.
   */
  public void block(UUID blockerId, UUID blockedId, Instant at) {
    em.createNamedQuery(Block.INSERT_IF_ABSENT)
        .setParameter(1, blockerId)
        .setParameter(2, blockedId)
        .setParameter(3, at)
        .executeUpdate();
  }

  private static long count(Object result) {
    return ((Number) result).longValue();
  }
}
