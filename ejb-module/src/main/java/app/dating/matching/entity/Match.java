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
    name = Match.INSERT_ALL,
    query = "insert into match (id, user_a, user_b, created_at, last_activity_at)"
        + " select r.id, r.a, r.b, ?2, ?2 from json_to_recordset(cast(?1 as json)) as r(id uuid, a uuid, b uuid)"
        + " on conflict (user_a, user_b) do nothing returning cast(id as varchar)")
@NamedNativeQuery(
    name = Match.LOCK_PAIRS,
    query = "select count(pg_advisory_xact_lock(k)) from unnest(cast(string_to_array(?1, ',') as bigint[])) as k")
@NamedQuery(name = Match.OF_PAIR, query = "select m from Match m where m.userA = :a and m.userB = :b")
@NamedQuery(
    name = Match.ACTIVE_PAGE,
    query = "select m from Match m where (m.userA = :me or m.userB = :me) and m.endedAt is null"
        + " and (m.lastActivityAt < :before or (m.lastActivityAt = :before and m.id < :beforeId))"
        + " order by m.lastActivityAt desc, m.id desc")
public class Match {
  /** Creates matches (?1: [{id, a, b}], a the smaller id) at ?2; returns the ids of those created (a pair's earlier one stays). */
  public static final String INSERT_ALL = "Match.insertAll";
  /** Takes the transaction-scoped advisory locks of pairs (?1: their keys, comma-separated, in the order to take them). */
  public static final String LOCK_PAIRS = "Match.lockPairs";
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
