package app.dating.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** A person at an outside identity provider, linked to one account (at most one per provider and account). */
@Entity
@Table(name = "external_identity")
@IdClass(ExternalLink.Key.class)
@NamedQuery(name = ExternalLink.OF_ACCOUNT, query = "select l from ExternalLink l where l.accountId = :account order by l.linkedAt")
@NamedQuery(name = ExternalLink.DELETE_OF_ACCOUNT, query = "delete from ExternalLink l where l.accountId = :account")
public class ExternalLink {
  public static final String OF_ACCOUNT = "ExternalLink.ofAccount";
  public static final String DELETE_OF_ACCOUNT = "ExternalLink.deleteOfAccount";

  /** Primary key: the provider and its id of the person. */
  public record Key(IdentityProvider provider, String subject) implements Serializable {
    public Key() {
      this(null, null);
    }
  }

  @Id
  @Enumerated(EnumType.STRING)
  @Column(length = 16)
  private IdentityProvider provider;

  @Id
  @Column(length = 255)
  private String subject;

  @Column(name = "account_id", nullable = false)
  private UUID accountId;

  @Column(length = Account.EMAIL_MAX)
  private String email;

  @Column(name = "linked_at", nullable = false)
  private Instant linkedAt;

  protected ExternalLink() {}

  public ExternalLink(IdentityProvider provider, String subject, UUID accountId, String email, Instant now) {
    this.provider = provider;
    this.subject = subject;
    this.accountId = accountId;
    this.email = email;
    this.linkedAt = now;
  }

  public IdentityProvider provider() {
    return provider;
  }

  public UUID accountId() {
    return accountId;
  }

  public String email() {
    return email;
  }

  public Instant linkedAt() {
    return linkedAt;
  }
}
