package app.dating.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One sensitive action: who, what, when, from where. Rows are never changed (a trigger refuses).
 */
@Entity
@Table(name = "audit_event")
@jakarta.persistence.NamedQuery(
    name = AuditEvent.OF_ACTOR,
    query = "select e from AuditEvent e where e.actorId = :actor order by e.id")
public class AuditEvent {
  public static final String OF_ACTOR = "AuditEvent.ofActor";

  /** The actions the audit log records. */
  public enum Action {
    REGISTER,
    EMAIL_VERIFIED,
    LOGIN,
    PASSWORD_REHASH,
    PASSWORD_CHANGE,
    PASSWORD_RESET_REQUESTED,
    PASSWORD_RESET,
    EMAIL_CHANGE_REQUESTED,
    EMAIL_CHANGE,
    ROLE_CHANGE,
    IDENTITY_LINKED,
    IDENTITY_UNLINKED,
    /** An account that held its address only as an unproven claim gave it up for its owner. */
    EMAIL_RELEASED,
    TOKEN_REFRESH,
    REFRESH_TOKEN_REUSE,
    LOGOUT,
    LOGOUT_EVERYWHERE,
    ACCOUNT_DELETED,
    ACCOUNT_ERASED,
    DATA_EXPORT,
    /** A person started a checkout (premium): which plan or pack, never a card. */
    CHECKOUT,
    /** A subscription changed state (premium lifecycle): from, to, why. */
    SUBSCRIPTION_CHANGE,
    /** A consumable purchase was paid, refunded or revoked. */
    PURCHASE_CHANGE,
    /** An operator chose the feed's ranker or model version (a rollback). */
    RANKING_CHANGE,
    /** An operator retrained the ranking model. */
    RANKING_RETRAIN,
    /** An admin ran the daily picks by hand (discovery). */
    DAILY_PICKS_RUN
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private Instant at;

  @Column(nullable = false, length = 40)
  @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
  private Action action;

  @Column(nullable = false, length = 16)
  private String outcome;

  @Column(name = "actor_id")
  private UUID actorId;

  @Column(length = 254)
  private String subject;

  @Column(length = 45)
  private String ip;

  @Column(name = "user_agent", length = 300)
  private String userAgent;

  @Column(name = "request_id", length = 64)
  private String requestId;

  @Column(length = 500)
  private String detail;

  protected AuditEvent() {}

  public Instant at() {
    return at;
  }

  public Action action() {
    return action;
  }

  public String outcome() {
    return outcome;
  }

  public String ip() {
    return ip;
  }

  public String userAgent() {
    return userAgent;
  }

  public AuditEvent(
      Instant at,
      Action action,
      boolean success,
      UUID actorId,
      String subject,
      String ip,
      String userAgent,
      String requestId,
      String detail) {
    this.at = at;
    this.action = action;
    this.outcome = success ? "SUCCESS" : "FAILURE";
    this.actorId = actorId;
    this.subject = cut(subject, 254);
    this.ip = cut(ip, 45);
    this.userAgent = cut(userAgent, 300);
    this.requestId = requestId;
    this.detail = cut(detail, 500);
  }

  private static String cut(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }
}
