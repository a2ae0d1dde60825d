package app.dating.identity.control;

import app.dating.identity.boundary.Caller;
import app.dating.identity.entity.Account;
import app.dating.identity.entity.AuditEvent.Action;
import app.dating.identity.entity.RefreshToken;
import app.dating.identity.entity.WebSession;
import app.dating.shared.problem.BusinessException;
import app.dating.shared.problem.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A signed-in person proving again who they are before a change that hands the account over (a new
 * password or address, a deletion, a provider link): the current password, or, for an account
 * without one, a sign-in of the last {@link #STEP_UP_WINDOW}. A session alone, which may have been
 * stolen, is not enough. Tries are limited per session ({@link SignInLimits#reauthentication}).
 */
@ApplicationScoped
public class Reauthentication {
  /** How recent a sign-in stands in for a password on an account that has none. */
  public static final Duration STEP_UP_WINDOW = Duration.ofMinutes(10);

  @PersistenceContext EntityManager em;
  @Inject PasswordHasher hasher;
  @Inject SignInLimits limits;
  @Inject AuditLog audit;
  @Inject Clock clock;

  /** The current password of {@code account}, or a 400 naming {@code currentPassword}. */
  public void requirePassword(
      Account account, UUID sessionId, String currentPassword, Action action, Caller caller) {
    limits.reauthentication(account.id(), sessionId, action, caller);
    if (currentPassword == null) {
      throw InvalidInputException.of(
          "currentPassword", "Your current password is needed for this.");
    }
    if (account.passwordHash() == null
        || !hasher.verify(account.passwordHash(), currentPassword.toCharArray())) {
      audit.record(action, false, account.id(), null, caller, "wrong current password");
      throw InvalidInputException.of("currentPassword", "This is not your current password.");
    }
  }

  /**
   * The current password when the account has one; else a sign-in (session {@code sessionId}) of
   * the last {@link #STEP_UP_WINDOW}, or a 403.
   */
  public void requirePasswordOrFreshSignIn(
      Account account, UUID sessionId, String currentPassword, Action action, Caller caller) {
    if (account.passwordHash() != null) {
      requirePassword(account, sessionId, currentPassword, action, caller);
      return;
    }
    Instant signedIn = signedInAt(account.id(), sessionId).orElse(Instant.EPOCH);
    if (signedIn.isBefore(clock.instant().minus(STEP_UP_WINDOW))) {
      audit.record(action, false, account.id(), null, caller, "no recent sign-in");
      throw BusinessException.forbidden(
          "Sign in again first: this needs a sign-in of the last "
              + STEP_UP_WINDOW.toMinutes()
              + " minutes.");
    }
  }

  /** When session {@code sessionId} (a refresh family or a browser session) signed in. */
  private Optional<Instant> signedInAt(UUID accountId, UUID sessionId) {
    Instant family =
        em.createNamedQuery(RefreshToken.FAMILY_STARTED, Instant.class)
            .setParameter("family", sessionId)
            .setParameter("account", accountId)
            .getSingleResult();
    if (family != null) {
      return Optional.of(family);
    }
    return Optional.ofNullable(em.find(WebSession.class, sessionId))
        .filter(session -> session.accountId().equals(accountId))
        .map(WebSession::startedAt);
  }
}
