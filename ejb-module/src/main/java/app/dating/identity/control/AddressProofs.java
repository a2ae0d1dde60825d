package app.dating.identity.control;

import app.dating.identity.boundary.AddressProven;
import app.dating.identity.boundary.Caller;
import app.dating.identity.entity.Account;
import app.dating.identity.entity.AuditEvent.Action;
import app.dating.identity.entity.ExternalLink;
import app.dating.identity.entity.IdentityProvider;
import app.dating.identity.entity.RefreshToken;
import app.dating.identity.entity.WebSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What proving an address means for the accounts that hold it (pre-account hijacking, issue #14).
 *
 * <ul>
 *   <li>The first proof of an address for an account (its verification link, a password reset on a
 *       never-verified account, or the link of an email change of one) ends everything made for the
 *       account before: whoever opened it may not be the address's owner. Every session and access
 *       token, every provider link (their owners get a mail), and, through {@link AddressProven},
 *       what other components keep (end-to-end key bundles).
 *   <li>An account that holds its address only as an unproven claim (opened through a provider that
 *       did not verify it) gives the address up when its owner comes: registers it, signs in with a
 *       provider that verified it, or moves an account to it.
 * </ul>
 */
@ApplicationScoped
public class AddressProofs {
  private static final UUID NO_SESSION = new UUID(0, 0);

  @PersistenceContext EntityManager em;
  @Inject Revocations revocations;
  @Inject SecurityNotices notices;
  @Inject AuditLog audit;
  @Inject Event<AddressProven> proven;
  @Inject Clock clock;

  /** Ends what was made for {@code account} before the first proof of its address, just made. */
  public void firstProof(Account account, Caller caller) {
    Instant now = clock.instant();
    UUID id = account.id();
    revocations.endAccount(id);
    em.createNamedQuery(RefreshToken.REVOKE_ACCOUNT)
        .setParameter("now", now)
        .setParameter("reason", "ADDRESS_PROVEN")
        .setParameter("account", id)
        .executeUpdate();
    em.createNamedQuery(WebSession.REVOKE_OTHERS)
        .setParameter("now", now)
        .setParameter("reason", "ADDRESS_PROVEN")
        .setParameter("account", id)
        .setParameter("keep", NO_SESSION)
        .executeUpdate();
    List<IdentityProvider> removed =
        em.createNamedQuery(ExternalLink.OF_ACCOUNT, ExternalLink.class)
            .setParameter("account", id)
            .getResultStream()
            .map(ExternalLink::provider)
            .toList();
    if (!removed.isEmpty()) {
      em.createNamedQuery(ExternalLink.DELETE_OF_ACCOUNT)
          .setParameter("account", id)
          .executeUpdate();
      removed.forEach(
          provider ->
              audit.record(
                  Action.IDENTITY_UNLINKED,
                  true,
                  id,
                  null,
                  caller,
                  provider.name() + ": linked before the address was first proven"));
      notices.providersRemoved(id, removed);
    }
    proven.fire(new AddressProven(id));
    audit.record(
        Action.LOGOUT_EVERYWHERE,
        true,
        id,
        null,
        caller,
        "the address was first proven: everything made before it ended");
  }

  /**
   * The account holding {@code email}, unless it holds it only as an unproven claim, in which case
   * the claim is released (and flushed, so the address is free in this transaction).
   */
  public Optional<Account> holderOrRelease(String email, Caller caller) {
    Optional<Account> holder =
        em.createNamedQuery(Account.BY_EMAIL, Account.class)
            .setParameter("email", email)
            .getResultStream()
            .findFirst();
    if (holder.isPresent() && holder.get().holdsOnlyAnUnprovenClaim()) {
      Account released = holder.get();
      released.releaseAddress(clock.instant());
      em.flush();
      audit.record(
          Action.EMAIL_RELEASED,
          true,
          released.id(),
          null,
          caller,
          "an unproven address, given up for its owner");
      return Optional.empty();
    }
    return holder;
  }
}
