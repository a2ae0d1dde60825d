package app.dating.matching.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedNativeQuery;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Two people who liked each other. Stored once, the smaller id first; ended by an unmatch or a block. */
@Entity
@Table(name = "match")
@NamedNativeQuery(
    name = Match.INSERT_IF_ABSENT,
    query = "insert into match (id, user_a, user_b, created_at, last_activity_at) values (?1, ?2, ?3, ?4, ?4)"
        + " on conflict (user_a, user_b) do nothing")
@NamedQuery(name = Match.OF_PAIR, query = "select m from Match m where m.userA = :a and m.userB = :b")
@NamedQuery(
    name = Match.ACTIVE_PAGE,
    query = "select m from Match m where (m.userA = :me or m.userB = :me) and m.endedAt is null"
        + " and (m.lastActivityAt < :before or (m.lastActivityAt = :before and m.id < :beforeId))"
        + " order by m.lastActivityAt desc, m.id desc")
public class Match {
  public static final String INSERT_IF_ABSENT = "Match.insertIfAbsent";
  public static final String OF_PAIR = "Match.ofPair";
  public static final String ACTIVE_PAGE = "Match.activePage";

  /** Why a match ended. */
  public enum Ending {
    UNMATCH,
    BLOCK,
    DELETED
  }

  @Id private UUID id;

  @Column(name = "user_a", nullable = false)
  private UUID userA;

  @Column(name = "user_b", nullable = false)
  private UUID userB;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "last_activity_at", nullable = false)
  private Instant lastActivityAt;

  @Column(name = "ended_at")
  private Instant endedAt;

  @Column(name = "ended_by")
  private UUID endedBy;

  @Column(name = "ended_reason", length = 10)
  @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
  private Ending endedReason;

  protected Match() {}

  /**
   * The pair in stored order, the smaller id first as PostgreSQL orders uuids (unsigned, byte by
   * byte: the order of their hex strings; {@code UUID.compareTo} compares signed longs and differs).
   */
  public static UUID[] pair(UUID one, UUID other) {
    return one.toString().compareTo(other.toString()) < 0 ? new UUID[] {one, other} : new UUID[] {other, one};
  }

  public boolean involves(UUID person) {
    return userA.equals(person) || userB.equals(person);
  }

  public UUID other(UUID person) {
    return userA.equals(person) ? userB : userA;
  }

  /** Whether {@code person} is the first of the stored pair. */
  public boolean isUserA(UUID person) {
    return userA.equals(person);
  }

  public boolean isActive() {
    return endedAt == null;
  }

  /** Whether {@code person} may use this match's conversation now: one of the two, and not ended (unmatch, block, deletion). */
  public boolean isOpenTo(UUID person) {
    return isActive() && involves(person);
  }

  public void end(Ending why, UUID by, Instant now) {
    if (endedAt == null) {
      endedAt = now;
      endedBy = by;
      endedReason = why;
    }
  }

  public UUID id() {
    return id;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant lastActivityAt() {
    return lastActivityAt;
  }
}
