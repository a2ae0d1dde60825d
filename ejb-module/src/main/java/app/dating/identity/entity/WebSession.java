package app.dating.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A browser's sign-in, held on the server so it can be ended at once. The cookie carries a token
 * whose hash is stored here; requests that change state must also present the CSRF token.
 */
@Entity
@Table(name = "web_session")
@NamedQuery(
    name = WebSession.BY_HASH,
    query = "select s from WebSession s where s.tokenHash = :hash")
@NamedQuery(
    name = WebSession.REVOKE_OTHERS,
    query =
        "update WebSession s set s.revokedAt = :now, s.revokedReason = :reason"
            + " where s.accountId = :account and s.id <> :keep and s.revokedAt is null")
@NamedQuery(
    name = WebSession.DELETE_OF_ACCOUNT,
    query = "delete from WebSession s where s.accountId = :account")
public class WebSession {
  public static final String BY_HASH = "WebSession.byHash";
  public static final String REVOKE_OTHERS = "WebSession.revokeOthers";
  public static final String DELETE_OF_ACCOUNT = "WebSession.deleteOfAccount";

  /** How stale {@code last_seen_at} may get before a request writes it again. */
  static final Duration TOUCH_EVERY = Duration.ofMinutes(5);

  @Id private UUID id;

  @Column(name = "account_id", nullable = false)
  private UUID accountId;

  @Column(name = "token_hash", nullable = false, length = 64)
  private String tokenHash;

  @Column(name = "csrf_token", nullable = false, length = 64)
  private String csrfToken;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "last_seen_at", nullable = false)
  private Instant lastSeenAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  @Column(name = "revoked_reason", length = 40)
  private String revokedReason;

  protected WebSession() {}

  public WebSession(
      UUID accountId, String tokenHash, String csrfToken, Instant now, Instant expiresAt) {
    this.id = UUID.randomUUID();
    this.accountId = accountId;
    this.tokenHash = tokenHash;
    this.csrfToken = csrfToken;
    this.createdAt = now;
    this.expiresAt = expiresAt;
    this.lastSeenAt = now;
  }

  /**
   * Whether the session still holds at {@code now}: not revoked, not expired, not idle too long.
   */
  public boolean isLive(Instant now, Duration idleTimeout) {
    return revokedAt == null
        && now.isBefore(expiresAt)
        && now.isBefore(lastSeenAt.plus(idleTimeout));
  }

  /** Records activity, at most once per {@link #TOUCH_EVERY}, so most requests write nothing. */
  public void touch(Instant now) {
    if (!now.isBefore(lastSeenAt.plus(TOUCH_EVERY))) {
      lastSeenAt = now;
    }
  }

  public void revoke(String reason, Instant now) {
    if (revokedAt == null) {
      revokedAt = now;
      revokedReason = reason;
    }
  }

  public UUID id() {
    return id;
  }

  public UUID accountId() {
    return accountId;
  }

  public String csrfToken() {
    return csrfToken;
  }

  /** When the browser signed in. */
  public Instant startedAt() {
    return createdAt;
  }
}
