package app.dating.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A single-use token sent by mail: it proves its holder reads the mail of {@code email}. Only its
 * hash is kept, and it serves one purpose only.
 */
@Entity
@Table(name = "one_time_token")
@NamedQuery(
    name = OneTimeToken.DELETE_OF_ACCOUNT,
    query = "delete from OneTimeToken t where t.accountId = :account")
@NamedQuery(
    name = OneTimeToken.VOID_OF_ACCOUNT,
    query =
        "update OneTimeToken t set t.usedAt = :now where t.accountId = :account and t.usedAt is null")
public class OneTimeToken {
  public static final String DELETE_OF_ACCOUNT = "OneTimeToken.deleteOfAccount";

  /** Spends every unspent token of an account at once (after a reset or an email change). */
  public static final String VOID_OF_ACCOUNT = "OneTimeToken.voidOfAccount";

  /** What a token may be spent on. */
  public enum Purpose {
    VERIFY_EMAIL,
    RESET_PASSWORD
  }

  @Id
  @Column(name = "token_hash", length = 64)
  private String tokenHash;

  @Column(name = "account_id", nullable = false)
  private UUID accountId;

  @Column(nullable = false, length = Account.EMAIL_MAX)
  private String email;

  @Column(nullable = false, length = 20)
  @Enumerated(EnumType.STRING)
  private Purpose purpose;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "used_at")
  private Instant usedAt;

  protected OneTimeToken() {}

  public OneTimeToken(
      String tokenHash,
      Purpose purpose,
      UUID accountId,
      String email,
      Instant now,
      Instant expiresAt) {
    this.tokenHash = tokenHash;
    this.purpose = purpose;
    this.accountId = accountId;
    this.email = email;
    this.createdAt = now;
    this.expiresAt = expiresAt;
  }

  /**
   * Spends the token for {@code purpose}; false when it serves another, was spent before or has
   * expired.
   */
  public boolean use(Purpose wanted, Instant now) {
    if (purpose != wanted || usedAt != null || !now.isBefore(expiresAt)) {
      return false;
    }
    usedAt = now;
    return true;
  }

  public UUID accountId() {
    return accountId;
  }

  public String email() {
    return email;
  }
}
