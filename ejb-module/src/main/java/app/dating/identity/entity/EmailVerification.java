package app.dating.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A single-use token that proves its holder reads the mail of an address. Only its hash is kept. */
@Entity
@Table(name = "email_verification")
@jakarta.persistence.NamedQuery(
    name = EmailVerification.DELETE_OF_ACCOUNT,
    query = "delete from EmailVerification v where v.accountId = :account")
public class EmailVerification {
  public static final String DELETE_OF_ACCOUNT = "EmailVerification.deleteOfAccount";
  @Id
  @Column(name = "token_hash", length = 64)
  private String tokenHash;

  @Column(name = "account_id", nullable = false)
  private UUID accountId;

  @Column(nullable = false, length = Account.EMAIL_MAX)
  private String email;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "used_at")
  private Instant usedAt;

  protected EmailVerification() {}

  public EmailVerification(String tokenHash, UUID accountId, String email, Instant now, Instant expiresAt) {
    this.tokenHash = tokenHash;
    this.accountId = accountId;
    this.email = email;
    this.createdAt = now;
    this.expiresAt = expiresAt;
  }

  /** Spends the token; false when it was spent before or has expired. */
  public boolean use(Instant now) {
    if (usedAt != null || !now.isBefore(expiresAt)) {
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
