package app.dating.visibility.boundary;

import app.dating.shared.problem.BusinessException;
import app.dating.shared.problem.ProblemType;
import app.dating.visibility.entity.Block;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.UUID;

/**
 * The one place that decides whether a person may look at others, whether they may see another's
 * profile, and who may use a conversation. The public profile and the photos ask here; it runs in
 * the caller's transaction. The rule itself is SQL (migration V26, see the package description),
 * which the set-based queries of discovery and matching use too.
 *
 * <p>Only an active account with a verified email address looks at others. People always see their
 * own profile; others only a discoverable profile of an active, verified account, and never when
 * either blocked the other. A conversation (an active match) and its photos are for its two people
 * only, and only while the match lasts.
 */
@ApplicationScoped
public class Visibility {
  static final String VERIFY_FIRST =
      "Verify your email address (follow the link we mailed you) to see other people.";

  @PersistenceContext EntityManager em;

  /** Whether {@code viewerId} may see the profile (and profile photos) of {@code ownerId}. */
  public boolean canSee(UUID viewerId, UUID ownerId) {
    return viewerId.equals(ownerId) || sees(viewerId, ownerId)[1];
  }

  /**
   * Refuses a viewer who may not look at others (an unverified address, a suspended account) with
   * {@link ProblemType#VERIFICATION_REQUIRED}.
   */
  public void requireMayBrowse(UUID viewerId) {
    if (!Boolean.TRUE.equals(
        em.createNamedQuery(Block.MAY_BROWSE).setParameter(1, viewerId).getSingleResult())) {
      throw verifyFirst();
    }
  }

  /**
   * Lets {@code viewerId} see the profile (or a profile photo) of {@code ownerId}: their own
   * always; another's as {@link #canSee}, else {@link ProblemType#VERIFICATION_REQUIRED} when the
   * viewer may not look at anyone, and "{@code what} not found" when the owner is hidden from them
   * (missing, hidden, paused, unverified, suspended, blocked all look the same).
   */
  public void requireSees(UUID viewerId, UUID ownerId, String what) {
    if (viewerId.equals(ownerId)) {
      return;
    }
    boolean[] sees = sees(viewerId, ownerId);
    if (!sees[0]) {
      throw verifyFirst();
    }
    if (!sees[1]) {
      throw BusinessException.notFound(what);
    }
  }

  /**
   * Whether {@code person} may use the conversation {@code conversationId} now: one of the two of
   * that match, and the match not ended (unmatch, block, deletion).
   */
  public boolean inOpenConversation(UUID conversationId, UUID person) {
    return ((Number)
                em.createNamedQuery(Block.IN_OPEN_MATCH)
                    .setParameter(1, conversationId)
                    .setParameter(2, person)
                    .getSingleResult())
            .longValue()
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

  /** [whether the viewer may look at others, whether they may see the owner's profile]. */
  private boolean[] sees(UUID viewerId, UUID ownerId) {
    Object[] row =
        (Object[])
            em.createNamedQuery(Block.SEES)
                .setParameter(1, viewerId)
                .setParameter(2, ownerId)
                .getSingleResult();
    return new boolean[] {Boolean.TRUE.equals(row[0]), Boolean.TRUE.equals(row[1])};
  }

  /**
   * The refusal for someone who may not look at others ({@link ProblemType#VERIFICATION_REQUIRED}),
   * for the set-based paths that read {@code may_browse} in their own query (the swipe batch).
   */
  public static BusinessException verifyFirst() {
    return new BusinessException(ProblemType.VERIFICATION_REQUIRED, VERIFY_FIRST);
  }
}
