package app.dating.profiles.control;

import app.dating.identity.entity.Account;
import app.dating.profiles.entity.Profile;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * The one place that decides whether a person may see another's profile. Every read of someone
 * else's profile (public view, later discovery, photos) asks here.
 *
 * <p>Today: people always see their own; others only a discoverable profile of an active account.
 * Blocking is not built yet: the blocks issue adds "not blocked either way" here, in {@link
 * #canSee}, and nowhere else.
 */
@ApplicationScoped
public class Visibility {

  public boolean canSee(UUID viewerId, Profile owner, Account ownerAccount) {
    if (viewerId.equals(owner.accountId())) {
      return true;
    }
    return owner.isDiscoverable()
        && ownerAccount.status() == Account.Status.ACTIVE
        && !blockedEitherWay(viewerId, owner.accountId());
  }

  /** Hook for the blocks issue: true when either person blocked the other. No blocks exist yet. */
  boolean blockedEitherWay(UUID viewerId, UUID ownerId) {
    return false;
  }
}
