package app.dating.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One refresh token of a sign-in's family. Only its hash is stored. Using it rotates it (the next
 * token of the family replaces it); a token used twice means it leaked, and the family is revoked.
 */
@Entity
@Table(name = "refresh_token")
@NamedQuery(
    name = RefreshToken.BY_HASH,
    query = "select t from RefreshToken t where t.tokenHash = :hash")
@NamedQuery(
    name = RefreshToken.REVOKE_FAMILY,
    query =
        "update RefreshToken t set t.revokedAt = :now, t.revokedReason = :reason where t.familyId = :family and t.revokedAt is null")
@NamedQuery(
    name = RefreshToken.REVOKE_ACCOUNT,
    query =
        "update RefreshToken t set t.revokedAt = :now, t.revokedReason = :reason where t.accountId = :account and t.revokedAt is null")
@NamedQuery(
    name = RefreshToken.REVOKE_OTHERS,
    query =
        "update RefreshToken t set t.revokedAt = :now, t.revokedReason = :reason"
            + " where t.accountId = :account and t.familyId <> :keep and t.revokedAt is null")
@NamedQuery(
    name = RefreshToken.ACTIVE_FAMILIES,
    query =
        "select distinct t.familyId from RefreshToken t"
            + " where t.accountId = :account and t.familyId <> :keep and t.revokedAt is null")
@NamedQuery(
    name = RefreshToken.FAMILY_STARTED,
    query =
        "select min(t.createdAt) from RefreshToken t where t.familyId = :family and t.accountId = :account")
@NamedQuery(
    name = RefreshToken.DELETE_OF_ACCOUNT,
    query = "delete from RefreshToken t where t.accountId = :account")
@NamedQuery(
    name = RefreshToken.FAMILIES_OF_ACCOUNT,
    query =
        "select new app.dating.identity.entity.SessionSummary(t.familyId, min(t.createdAt), max(t.familyExpiresAt),"
            + " max(t.revokedAt)) from RefreshToken t where t.accountId = :account group by t.familyId order by min(t.createdAt)")
public class RefreshToken {
  public static final String DELETE_OF_ACCOUNT = "RefreshToken.deleteOfAccount";

  /** When a family began: its sign-in (null when the family is not the account's). */
  public static final String FAMILY_STARTED = "RefreshToken.familyStarted";

  public static final String FAMILIES_OF_ACCOUNT = "RefreshToken.familiesOfAccount";

  public static final String ACTIVE_FAMILIES = "RefreshToken.activeFamilies";
  public static final String REVOKE_OTHERS = "RefreshToken.revokeOthers";
  public static final String BY_HASH = "RefreshToken.byHash";
  public static final String REVOKE_FAMILY = "RefreshToken.revokeFamily";
  public static final String REVOKE_ACCOUNT = "RefreshToken.revokeAccount";

  @Id private UUID id;

  @Column(name = "family_id", nullable = false)
  private UUID familyId;

  @Column(name = "account_id", nullable = false)
  private UUID accountId;

  @Column(name = "token_hash", nullable = false, length = 64)
  private String tokenHash;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "family_expires_at", nullable = false)
  private Instant familyExpiresAt;

  @Column(name = "used_at")
  private Instant usedAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  @Column(name = "revoked_reason", length = 40)
  private String revokedReason;

  protected RefreshToken() {}

  private RefreshToken(
      UUID familyId, UUID accountId, String tokenHash, Instant now, Instant familyExpiresAt) {
    this.id = UUID.randomUUID();
    this.familyId = familyId;
    this.accountId = accountId;
    this.tokenHash = tokenHash;
    this.createdAt = now;
    this.familyExpiresAt = familyExpiresAt;
  }

  /** The first token of a new sign-in. */
  public static RefreshToken startFamily(
      UUID accountId, String tokenHash, Instant now, Instant familyExpiresAt) {
    return new RefreshToken(UUID.randomUUID(), accountId, tokenHash, now, familyExpiresAt);
  }

  /** Marks this token used and returns its successor, which keeps the family's absolute expiry. */
  public RefreshToken rotate(String nextTokenHash, Instant now) {
    if (!isUsable(now)) {
      throw new IllegalStateException("refresh token " + id + " is not usable");
    }
    usedAt = now;
    return new RefreshToken(familyId, accountId, nextTokenHash, now, familyExpiresAt);
  }

  public boolean isUsable(Instant now) {
    return usedAt == null && revokedAt == null && now.isBefore(familyExpiresAt);
  }

  /** A token presented again after it was rotated: someone else holds a copy. */
  public boolean wasUsed() {
    return usedAt != null;
  }

  public UUID familyId() {
    return familyId;
  }

  public UUID accountId() {
    return accountId;
  }

  public Instant familyExpiresAt() {
    return familyExpiresAt;
  }
}
