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
 * below (one round trip each, no entity loading); the entity maps the table for them.
 */
@Entity
@Table(name = "swipe")
@IdClass(Swipe.Key.class)
@NamedNativeQuery(
    name = Swipe.INSERT_IF_ABSENT,
    query = "insert into swipe (swiper_id, target_id, kind, created_at) values (?1, ?2, ?3, ?4) on conflict do nothing")
@NamedNativeQuery(
    name = Swipe.CANDIDATE_STATE,
    query = "select a.status, p.visibility,"
        + " exists (select 1 from block b where (b.blocker_id = ?1 and b.blocked_id = ?2) or (b.blocker_id = ?2 and b.blocked_id = ?1)),"
        + " (select s.kind from swipe s where s.swiper_id = ?1 and s.target_id = ?2),"
        + " exists (select 1 from swipe s where s.swiper_id = ?2 and s.target_id = ?1 and s.kind <> 'PASS'),"
        + " (select string_agg(e.name, ',') from entitlement e where e.account_id = ?1 and e.until > ?3)"
        + " from account a left join profile p on p.account_id = a.id where a.id = ?2")
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
  public static final String INSERT_IF_ABSENT = "Swipe.insertIfAbsent";
  /**
   * Of a candidate (?2) for the caller (?1) at ?3: account status, profile visibility, blocked either
   * way, the caller's earlier swipe, whether the candidate liked the caller, the caller's entitlements.
   */
  public static final String CANDIDATE_STATE = "Swipe.candidateState";
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
