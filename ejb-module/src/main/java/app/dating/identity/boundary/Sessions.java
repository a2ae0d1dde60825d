package app.dating.identity.boundary;

import app.dating.identity.control.AccessTokens;
import app.dating.identity.control.AccessTokens.IssuedToken;
import app.dating.identity.control.AuditLog;
import app.dating.identity.control.Revocations;
import app.dating.identity.control.SecretTokens;
import app.dating.identity.entity.Account;
import app.dating.identity.entity.AuditEvent.Action;
import app.dating.identity.entity.RefreshToken;
import app.dating.ratelimit.boundary.RateLimit;
import app.dating.ratelimit.boundary.RateLimiter;
import app.dating.shared.problem.CommittedRefusal;
import app.dating.shared.problem.ProblemType;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sign-in sessions as refresh-token families. A refresh token is 256 random bits, stored only as
 * its SHA-256, used once: each refresh rotates it, and presenting a used one revokes its whole
 * family and is audited (RFC 9700 section 4.14). A family lives at most {@code
 * jwt.refresh-token-lifetime} from sign-in, however often it is refreshed.
 */
@Stateless
public class Sessions {
  static final RateLimit REFRESH_PER_IP = new RateLimit("refresh-ip", 60, Duration.ofMinutes(1));
  private static final String REFUSED = "The refresh token is not valid; sign in again.";

  @PersistenceContext EntityManager em;
  @Inject AccessTokens accessTokens;
  @Inject Revocations revocations;
  @Inject AuditLog audit;
  @Inject RateLimiter limiter;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "jwt.refresh-token-lifetime", defaultValue = "P30D")
  Duration familyLifetime;

  /** Opens a session for an account that just proved who it is. */
  public TokenPair start(Account account) {
    Instant now = clock.instant();
    String token = SecretTokens.newToken();
    RefreshToken first = RefreshToken.startFamily(account.id(), SecretTokens.hash(token), now, now.plus(familyLifetime));
    em.persist(first);
    return pair(account, token, first, now);
  }

  public TokenPair refresh(String presented, Caller caller) {
    limiter.consume(REFRESH_PER_IP, caller.ip());
    Instant now = clock.instant();
    RefreshToken current = find(presented, LockModeType.PESSIMISTIC_WRITE).orElseThrow(() -> refused());
    if (current.wasUsed()) {
      revokeFamily(current.familyId(), "REUSE", now);
      audit.record(Action.REFRESH_TOKEN_REUSE, false, current.accountId(), null, caller, "family " + current.familyId() + " revoked");
      throw refused();
    }
    Account account = em.find(Account.class, current.accountId());
    if (!current.isUsable(now) || account == null || account.status() != Account.Status.ACTIVE) {
      throw refused();
    }
    String token = SecretTokens.newToken();
    RefreshToken next = current.rotate(SecretTokens.hash(token), now);
    em.persist(next);
    audit.record(Action.TOKEN_REFRESH, true, account.id(), null, caller, null);
    return pair(account, token, next, now);
  }

  /** Ends the session the token belongs to. Unknown tokens are ignored: logging out is idempotent. */
  public void logout(String presented, Caller caller) {
    find(presented, LockModeType.NONE).ifPresent(token -> {
      revokeFamily(token.familyId(), "LOGOUT", clock.instant());
      revocations.endSessions(List.of(token.familyId()));
      audit.record(Action.LOGOUT, true, token.accountId(), null, caller, null);
    });
  }

  /** Ends every session of the account, its access tokens included. */
  public void logoutEverywhere(UUID accountId, Caller caller) {
    revocations.endAccount(accountId);
    em.createNamedQuery(RefreshToken.REVOKE_ACCOUNT)
        .setParameter("now", clock.instant())
        .setParameter("reason", "LOGOUT_EVERYWHERE")
        .setParameter("account", accountId)
        .executeUpdate();
    audit.record(Action.LOGOUT_EVERYWHERE, true, accountId, null, caller, null);
  }

  /** Ends every session of the account but {@code keep} (the one that asked), e.g. after a password change. */
  public void endOtherSessions(UUID accountId, UUID keep) {
    revocations.endSessions(
        em.createNamedQuery(RefreshToken.ACTIVE_FAMILIES, UUID.class)
            .setParameter("account", accountId)
            .setParameter("keep", keep)
            .getResultList());
    em.createNamedQuery(RefreshToken.REVOKE_OTHERS)
        .setParameter("now", clock.instant())
        .setParameter("reason", "PASSWORD_CHANGE")
        .setParameter("account", accountId)
        .setParameter("keep", keep)
        .executeUpdate();
  }

  private TokenPair pair(Account account, String refreshToken, RefreshToken stored, Instant now) {
    IssuedToken access =
        accessTokens.issue(account.id(), account.roles().stream().map(Enum::name).toList(), stored.familyId());
    long refreshSeconds = Duration.between(now, stored.familyExpiresAt()).toSeconds();
    return new TokenPair(access.accessToken(), access.tokenType(), access.expiresIn(), refreshToken, refreshSeconds);
  }

  private void revokeFamily(UUID family, String reason, Instant now) {
    em.createNamedQuery(RefreshToken.REVOKE_FAMILY)
        .setParameter("now", now)
        .setParameter("reason", reason)
        .setParameter("family", family)
        .executeUpdate();
  }

  private Optional<RefreshToken> find(String presented, LockModeType lock) {
    if (!SecretTokens.looksLikeToken(presented)) {
      return Optional.empty();
    }
    return em.createNamedQuery(RefreshToken.BY_HASH, RefreshToken.class)
        .setParameter("hash", SecretTokens.hash(presented))
        .setLockMode(lock)
        .getResultStream()
        .findFirst();
  }

  private static CommittedRefusal refused() {
    return new CommittedRefusal(ProblemType.UNAUTHORIZED, REFUSED);
  }
}
