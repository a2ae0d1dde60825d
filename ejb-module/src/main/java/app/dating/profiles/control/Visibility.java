package app.dating.profiles.control;

import app.dating.identity.entity.Account;
import app.dating.matching.entity.Block;
import app.dating.profiles.entity.Profile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.UUID;

/**
 * The one place that decides whether a person may see another's profile. Every read of someone
 * else's profile (public view, later discovery, photos) asks here.
 *
 * <p>People always see their own; others only a discoverable profile of an active account, and
 * never when either blocked the other.
 */
@ApplicationScoped
public class Visibility {
    @PersistenceContext
    EntityManager em;

    public boolean canSee(UUID viewerId, Profile owner, Account ownerAccount) {
        if (viewerId.equals(owner.accountId())) {
            return true;
        }
        return owner.isDiscoverable()
                && ownerAccount.status() == Account.Status.ACTIVE
                && !blockedEitherWay(viewerId, owner.accountId());
    }

    /** True when either person blocked the other. */
    boolean blockedEitherWay(UUID viewerId, UUID ownerId) {
        return ((Number) em.createNamedQuery(Block.EITHER_WAY)
                                .setParameter(1, viewerId)
                                .setParameter(2, ownerId)
                                .getSingleResult())
                        .longValue()
                > 0;
    }
}
