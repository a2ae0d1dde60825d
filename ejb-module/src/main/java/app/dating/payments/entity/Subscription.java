package app.dating.payments.entity;

import app.dating.payments.entity.Lifecycle.Trigger;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A person's subscription to a plan at a provider. Its state changes only through {@link #apply},
 * which asks the {@link Lifecycle}; each change is returned so the caller records it (history,
 * audit, event).
 */
@Entity
@Table(name = "subscription")
@NamedQuery(
    name = Subscription.BY_PROVIDER_REF,
    query = "select s from Subscription s where s.provider = :provider and s.providerRef = :ref")
@NamedQuery(
    name = Subscription.OF_ACCOUNT,
    query = "select s from Subscription s where s.accountId = :account order by s.createdAt desc")
@NamedQuery(
    name = Subscription.DUE,
    query =
        "select s from Subscription s where"
            + " (s.state in (app.dating.payments.entity.SubscriptionState.TRIAL,"
            + "   app.dating.payments.entity.SubscriptionState.ACTIVE,"
            + "   app.dating.payments.entity.SubscriptionState.CANCELLED_AT_PERIOD_END) and s.periodEnd <= :now)"
            + " or (s.state = app.dating.payments.entity.SubscriptionState.IN_GRACE and s.graceUntil <= :now)"
            + " or (s.state = app.dating.payments.entity.SubscriptionState.PAST_DUE and s.periodEnd <= :retriesOver)"
            + " order by s.periodEnd")
public class Subscription {
  public static final String BY_PROVIDER_REF = "Subscription.byProviderRef";
  public static final String OF_ACCOUNT = "Subscription.ofAccount";

  /**
   * Live subscriptions with something due at :now: a period over, a grace period over, or billing
   * retries over (past due since before :retriesOver).
   */
  public static final String DUE = "Subscription.due";

  /** A change of state (or of the paid period within a state), to record. */
  public record Change(
      SubscriptionState from, SubscriptionState to, Trigger trigger, Instant accessUntil) {}

  @Id private UUID id;

  @Column(name = "account_id", nullable = false)
  private UUID accountId;

  @Column(name = "plan_id", nullable = false)
  private String planId;

  @Column(nullable = false)
  private int months;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Provider provider;

  @Column(name = "provider_ref", nullable = false)
  private String providerRef;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private SubscriptionState state;

  @Column(name = "period_end", nullable = false)
  private Instant periodEnd;

  @Column(name = "grace_until")
  private Instant graceUntil;

  @Column(name = "provider_updated_at", nullable = false)
  private Instant providerUpdatedAt;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected Subscription() {}

  /** A new subscription, paid (ACTIVE) or a trial (TRIAL), until {@code periodEnd}. */
  public Subscription(
      UUID accountId,
      String planId,
      int months,
      Provider provider,
      String providerRef,
      boolean trial,
      Instant periodEnd,
      Instant providerTime,
      Instant now) {
    this.id = UUID.randomUUID();
    this.accountId = Objects.requireNonNull(accountId);
    this.planId = Objects.requireNonNull(planId);
    this.months = months;
    this.provider = Objects.requireNonNull(provider);
    this.providerRef = Objects.requireNonNull(providerRef);
    this.state = Lifecycle.start(trial);
    this.periodEnd = Objects.requireNonNull(periodEnd);
    this.providerUpdatedAt = providerTime;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** The change that made it: from nothing to its first state. */
  public Change started() {
    return new Change(
        null,
        state,
        state == SubscriptionState.TRIAL ? Trigger.START_TRIAL : Trigger.PAID,
        accessUntil());
  }

  /**
   * Applies a trigger at {@code now}: {@code periodEnd}, when given, is the paid period's end the
   * provider now states (the caller decided the statement is newer than what was applied); a failed
   * payment starts a grace period of {@code grace}. Returns the change, or empty when the trigger
   * does not apply in the current state or changes nothing.
   */
  public Optional<Change> apply(Trigger trigger, Instant periodEnd, Duration grace, Instant now) {
    Optional<SubscriptionState> next = Lifecycle.next(state, trigger);
    if (next.isEmpty()) {
      return Optional.empty();
    }
    SubscriptionState from = state;
    Instant newPeriodEnd = periodEnd != null ? periodEnd : this.periodEnd;
    Instant newGrace = graceUntil;
    if (next.get() == SubscriptionState.IN_GRACE && from != SubscriptionState.IN_GRACE) {
      Instant start = now.isAfter(newPeriodEnd) ? now : newPeriodEnd;
      newGrace = start.plus(grace);
    } else if (next.get() != SubscriptionState.IN_GRACE) {
      newGrace = null;
    }
    if (next.get() == from
        && newPeriodEnd.equals(this.periodEnd)
        && Objects.equals(newGrace, graceUntil)) {
      return Optional.empty();
    }
    state = next.get();
    this.periodEnd = newPeriodEnd;
    graceUntil = newGrace;
    updatedAt = now;
    return Optional.of(new Change(from, state, trigger, accessUntil()));
  }

  /** Until when its holder has the plan's entitlements; null: not now. */
  public Instant accessUntil() {
    if (!state.grantsAccess()) {
      return null;
    }
    return state == SubscriptionState.IN_GRACE ? graceUntil : periodEnd;
  }

  /**
   * Whether provider state of {@code time} is newer than what was applied (an older one, delivered
   * late, must not win); remembers it when it is.
   */
  public boolean newerProviderState(Instant time) {
    if (time.isBefore(providerUpdatedAt)) {
      return false;
    }
    providerUpdatedAt = time;
    return true;
  }

  public UUID id() {
    return id;
  }

  public UUID accountId() {
    return accountId;
  }

  public String planId() {
    return planId;
  }

  public int months() {
    return months;
  }

  public Provider provider() {
    return provider;
  }

  public String providerRef() {
    return providerRef;
  }

  public SubscriptionState state() {
    return state;
  }

  public Instant periodEnd() {
    return periodEnd;
  }

  public Instant graceUntil() {
    return graceUntil;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
