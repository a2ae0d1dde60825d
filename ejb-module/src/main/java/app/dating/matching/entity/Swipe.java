package app.dating.matching.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedNativeQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/**
 * One person's swipe on a candidate. The swipe path reads and writes with the native statements
 * below, each for a batch of swipes in one round trip (no entity loading); the entity maps the table
 * for them.
 */
@Entity
@Table(name = "swipe")
@IdClass(Swipe.Key.class)
@NamedNativeQuery(
    name = Swipe.INSERT_ALL,
    query = "insert into swipe (swiper_id, target_id, kind, created_at)"
        + " select r.me, r.target, r.kind, ?2 from json_to_recordset(cast(?1 as json)) as r(me uuid, target uuid, kind varchar)"
        + " on conflict do nothing")
@NamedNativeQuery(
    name = Swipe.CANDIDATE_STATES,
    query = "select r.i, a.status, p.visibility,"
        + " exists (select 1 from block b where (b.blocker_id = r.me and b.blocked_id = r.target) or (b.blocker_id = r.target and b.blocked_id = r.me)),"
        + " (select s.kind from swipe s where s.swiper_id = r.me and s.target_id = r.target),"
        + " exists (select 1 from swipe s where s.swiper_id = r.target and s.target_id = r.me and s.kind <> 'PASS'),"
        + " (select string_agg(e.name, ',') from entitlement e where e.account_id = r.me and e.until > ?2)"
        + " from json_to_recordset(cast(?1 as json)) as r(i int, me uuid, target uuid)"
        + " join account a on a.id = r.target left join profile p on p.account_id = a.id")
@NamedNativeQuery(
    name = Swipe.LIKES_IN_COUNT,
    query = "select count(*) from swipe s where s.target_id = ?1 and s.kind <> 'PASS'"
        + " and not exists (select 1 from swipe mine where mine.swiper_id = ?1 and mine.target_id = s.swiper_id)"
        + " and not exists (select 1 from block b where (b.blocker_id = ?1 and b.blocked_id = s.swiper_id) or (b.blocker_id = s.swiper_id and b.blocked_id = ?1))"
        + " and exists (select 1 from account a where a.id = s.swiper_id and a.status = 'ACTIVE')")
@NamedNativeQuery(
    name = Swipe.LIKES_IN,
    query = "select cast(s.swiper_id as varchar), s.kind, s.created_at from swipe s where s.target_id = ?1 and s.kind <> 'PASS'"
        + " and not exists (select 1 from swipe mine where mine.swiper_id = ?1 and mine.target_id = s.swiper_id)"
        + " and not exists (select 1 from block b where (b.blocker_id = ?1 and b.blocked_id = s.swiper_id) or (b.blocker_id = s.swiper_id and b.blocked_id = ?1))"
        + " and exists (select 1 from account a where a.id = s.swiper_id and a.status = 'ACTIVE')"
        + " order by s.created_at desc limit ?2")
public class Swipe {
  /** Stores swipes (?1: [{me, target, kind}]) made at ?2; one already there stays. */
  public static final String INSERT_ALL = "Swipe.insertAll";
  /**
   * Of each candidate for its swiper (?1: [{i, me, target}]) at ?2: i, account status, profile
   * visibility, blocked either way, the swiper's earlier swipe, whether the candidate liked the
   * swiper, the swiper's entitlements; no row when the candidate has no account.
   */
  public static final String CANDIDATE_STATES = "Swipe.candidateStates";
  public static final String LIKES_IN_COUNT = "Swipe.likesInCount";
  public static final String LIKES_IN = "Swipe.likesIn";

  /** Primary key: who swiped on whom. */
  public record Key(UUID swiperId, UUID targetId) implements Serializable {
    public Key() {
      this(null, null);
    }
  }

  @Id
  @Column(name = "swiper_id")
  private UUID swiperId;

  @Id
  @Column(name = "target_id")
  private UUID targetId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private SwipeKind kind;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Swipe() {}
}
