package app.dating.identity.boundary;

import app.dating.identity.control.AccessTokens;
import app.dating.identity.control.AccessTokens.IssuedToken;
import app.dating.identity.control.AuditLog;
import app.dating.identity.control.Revocations;
import app.dating.identity.control.SecretTokens;
import app.dating.identity.entity.Account;
import app.dating.identity.entity.AuditEvent.Action;
import app.dating.identity.entity.RefreshToken;
import app.dating.identity.entity.WebSession;
import app.dating.ratelimit.boundary.ClientKey;
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
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sign-in sessions as refresh-token families. A refresh token is 256 random bits, stored only as
 * its SHA-256, used once: each refresh rotates it, and presenting a used one revokes its whole
 * family, the family's live access tokens included, and is audited (RFC 9700 section 4.14). A
 * family lives at most {@code jwt.refresh-token-lifetime} from sign-in, however often it is
 * refreshed.
 */
@Stateless
public class Sessions {
  static final RateLimit REFRESH_PER_IP = new RateLimit("refresh-ip", 60, Duration.ofMinutes(1));
  private static final UUID NO_SESSION = new UUID(0, 0);
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

  @Inject
  @ConfigProperty(name = "web-session.lifetime", defaultValue = "P14D")
  Duration webLifetime;

  @Inject
  @ConfigProperty(name = "web-session.idle-timeout", defaultValue = "P2D")
  Duration webIdleTimeout;

  /** Opens a browser session (a cookie) for an account that just proved who it is. */
  public WebSignIn startWeb(Account account) {
    Instant now = clock.instant();
    String token = SecretTokens.newToken();
    WebSession session =
        new WebSession(
            account.id(),
            SecretTokens.hash(token),
            SecretTokens.newToken(),
            now,
            now.plus(webLifetime));
    em.persist(session);
    return new WebSignIn(
        token, session.csrfToken(), webLifetime.toSeconds(), AccountView.of(account));
  }

  /** The account a session cookie signs in, while the session lives and the account is active. */
  public Optional<WebPrincipal> authenticateWeb(String presented) {
    Instant now = clock.instant();
    return liveWebSession(presented, now)
        .map(
            session -> {
              session.touch(now);
              Account account = em.find(Account.class, session.accountId());
              return new WebPrincipal(
                  account.id(),
                  session.id(),
                  account.roles().stream().map(Enum::name).collect(Collectors.toUnmodifiableSet()),
                  session.csrfToken());
            });
  }

  /**
   * Whether a browser session still holds (not ended, not expired, idle or absolute, its account
   * active), without counting as activity: an open chat socket's checks do not keep the session
   * alive.
   */
  public boolean isWebSessionLive(String presented) {
    return liveWebSession(presented, clock.instant()).isPresent();
  }

  private Optional<WebSession> liveWebSession(String presented, Instant now) {
    if (!SecretTokens.looksLikeToken(presented)) {
      return Optional.empty();
    }
    return em.createNamedQuery(WebSession.BY_HASH, WebSession.class)
        .setParameter("hash", SecretTokens.hash(presented))
        .getResultStream()
        .findFirst()
        .filter(session -> session.isLive(now, webIdleTimeout))
        .filter(
            session ->
                Optional.ofNullable(em.find(Account.class, session.accountId()))
                    .filter(account -> account.status() == Account.Status.ACTIVE)
                    .isPresent());
  }

  /** Ends a browser session. Idempotent, like {@link #logout}. */
  public void logoutWeb(UUID sessionId, Caller caller) {
    Optional.ofNullable(em.find(WebSession.class, sessionId))
        .ifPresent(
            session -> {
              session.revoke("LOGOUT", clock.instant());
              audit.record(
                  Action.LOGOUT, true, session.accountId(), null, caller, "browser session");
            });
  }

  /** Opens a session for an account that just proved who it is. */
  public TokenPair start(Account account) {
    Instant now = clock.instant();
    String token = SecretTokens.newToken();
    RefreshToken first =
        RefreshToken.startFamily(
            account.id(), SecretTokens.hash(token), now, now.plus(familyLifetime));
    em.persist(first);
    return pair(account, token, first, now);
  }

  public TokenPair refresh(String presented, Caller caller) {
    limiter.consume(REFRESH_PER_IP, ClientKey.of(caller.ip()));
    Instant now = clock.instant();
    RefreshToken current =
        find(presented, LockModeType.PESSIMISTIC_WRITE).orElseThrow(() -> refused());
    if (current.wasUsed()) {
      // Two parties hold the family (one stole it): end its refresh tokens and, at once, every
      // access token it issued, whoever holds them.
      revokeFamily(current.familyId(), "REUSE", now);
      revocations.endSessions(List.of(current.familyId()));
      audit.record(
          Action.REFRESH_TOKEN_REUSE,
          false,
          current.accountId(),
          null,
          caller,
          "family " + current.familyId() + " revoked");
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

  /**
   * Ends the session the token belongs to. Unknown tokens are ignored: logging out is idempotent.
   */
  public void logout(String presented, Caller caller) {
    find(presented, LockModeType.NONE)
        .ifPresent(
            token -> {
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
    revokeWebSessions(accountId, NO_SESSION, "LOGOUT_EVERYWHERE");
    audit.record(Action.LOGOUT_EVERYWHERE, true, accountId, null, caller, null);
  }

  /**
   * Ends every session of the account but {@code keep} (the one that asked), e.g. after a password
   * change.
   */
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
    revokeWebSessions(accountId, keep, "PASSWORD_CHANGE");
  }

  private void revokeWebSessions(UUID accountId, UUID keep, String reason) {
    em.createNamedQuery(WebSession.REVOKE_OTHERS)
        .setParameter("now", clock.instant())
        .setParameter("reason", reason)
        .setParameter("account", accountId)
        .setParameter("keep", keep)
        .executeUpdate();
  }

  private TokenPair pair(Account account, String refreshToken, RefreshToken stored, Instant now) {
    IssuedToken access =
        accessTokens.issue(
            account.id(), account.roles().stream().map(Enum::name).toList(), stored.familyId());
    long refreshSeconds = Duration.between(now, stored.familyExpiresAt()).toSeconds();
    return new TokenPair(
        access.accessToken(), access.tokenType(), access.expiresIn(), refreshToken, refreshSeconds);
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
