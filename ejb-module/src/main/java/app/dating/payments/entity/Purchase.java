package app.dating.payments.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A consumable pack bought once: PAID, then REFUNDED or REVOKED (its credits are gone). */
@Entity
@Table(name = "purchase")
@NamedQuery(
    name = Purchase.BY_PROVIDER_REF,
    query = "select p from Purchase p where p.provider = :provider and p.providerRef = :ref")
@NamedQuery(
    name = Purchase.OF_ACCOUNT,
    query = "select p from Purchase p where p.accountId = :account order by p.createdAt desc")
public class Purchase {
  public static final String BY_PROVIDER_REF = "Purchase.byProviderRef";
  public static final String OF_ACCOUNT = "Purchase.ofAccount";

  /** Where a purchase is. */
  public enum State {
    PAID,
    REFUNDED,
    REVOKED
  }

  @Id private UUID id;

  @Column(name = "account_id", nullable = false)
  private UUID accountId;

  @Column(name = "product_id", nullable = false)
  private String productId;

  @Column(nullable = false)
  private String kind;

  @Column(nullable = false)
  private int quantity;

  @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
  @Column(nullable = false)
  private Provider provider;

  @Column(name = "provider_ref", nullable = false)
  private String providerRef;

  @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
  @Column(nullable = false)
  private State state;

  @Column(name = "amount_minor", nullable = false)
  private long amountMinor;

  @Column(nullable = false)
  private String currency;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "ended_at")
  private Instant endedAt;

  protected Purchase() {}

  public Purchase(
      UUID accountId,
      String productId,
      String kind,
      int quantity,
      Provider provider,
      String providerRef,
      long amountMinor,
      String currency,
      Instant now) {
    this.id = UUID.randomUUID();
    this.accountId = Objects.requireNonNull(accountId);
    this.productId = productId;
    this.kind = kind;
    this.quantity = quantity;
    this.provider = provider;
    this.providerRef = providerRef;
    this.state = State.PAID;
    this.amountMinor = amountMinor;
    this.currency = currency;
    this.createdAt = now;
  }

  /** Ends a paid purchase (refund or chargeback); false when it had ended already. */
  public boolean end(State to, Instant now) {
    if (state != State.PAID || to == State.PAID) {
      if (state == State.REFUNDED && to == State.REVOKED) {
        state = to;
        return true;
      }
      return false;
    }
    state = to;
    endedAt = now;
    return true;
  }

  public UUID id() {
    return id;
  }

  public UUID accountId() {
    return accountId;
  }

  public String productId() {
    return productId;
  }

  public String kind() {
    return kind;
  }

  public int quantity() {
    return quantity;
  }

  public State state() {
    return state;
  }

  public long amountMinor() {
    return amountMinor;
  }

  public String currency() {
    return currency;
  }

  public Provider provider() {
    return provider;
  }

  public String providerRef() {
    return providerRef;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant endedAt() {
    return endedAt;
  }
}
