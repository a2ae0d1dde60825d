package app.dating.matching.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedNativeQuery;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * Two people who liked each other. Stored once, the smaller id first; ended by an unmatch or a
 * block.
 */
@Entity
@Table(name = "match")
@NamedNativeQuery(
    name = Match.INSERT_ALL,
    query =
        "insert into match (id, user_a, user_b, created_at, last_activity_at)"
            + " select r.id, r.a, r.b, ?2, ?2 from json_to_recordset(cast(?1 as json)) as r(id uuid, a uuid, b uuid)"
            + " on conflict (user_a, user_b) do nothing returning cast(id as varchar)")
@NamedNativeQuery(
    name = Match.LOCK_PAIRS,
    query =
        "select count(pg_advisory_xact_lock(k)) from unnest(cast(string_to_array(?1, ',') as bigint[])) as k")
@NamedQuery(
    name = Match.OF_PAIR,
    query = "select m from Match m where m.userA = :a and m.userB = :b")
@NamedNativeQuery(
    name = Match.ACTIVE_PAGE,
    resultClass = Match.class,
    query =
        "select m.* from match m where (m.user_a = ?1 or m.user_b = ?1) and m.ended_at is null"
            + " and (m.last_activity_at < ?2 or (m.last_activity_at = ?2 and m.id < ?3))"
            + " and exists (select 1 from accounts_visible_to(?1) a"
            + " where a.id = case when m.user_a = ?1 then m.user_b else m.user_a end)"
            + " order by m.last_activity_at desc, m.id desc limit ?4")
public class Match {
  /**
   * Creates matches (?1: [{id, a, b}], a the smaller id) at ?2; returns the ids of those created (a
   * pair's earlier one stays).
   */
  public static final String INSERT_ALL = "Match.insertAll";

  /**
   * Takes the transaction-scoped advisory locks of pairs (?1: their keys, comma-separated, in the
   * order to take them).
   */
  public static final String LOCK_PAIRS = "Match.lockPairs";

  public static final String OF_PAIR = "Match.ofPair";

  /**
   * The active matches of ?1 whose other person is shown to ?1 (the visibility rule, {@code
   * accounts_visible_to}: not suspended, not deleted, not blocked either way), by newest activity,
   * from before (?2, ?3), at most ?4.
   */
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
   * byte: the order of their hex strings; {@code UUID.compareTo} compares signed longs and
   * differs).
   */
  public static UUID[] pair(UUID one, UUID other) {
    return one.toString().compareTo(other.toString()) < 0
        ? new UUID[] {one, other}
        : new UUID[] {other, one};
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

  /**
   * Whether {@code person} may use this match's conversation now: one of the two, and not ended
   * (unmatch, block, deletion).
   */
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
