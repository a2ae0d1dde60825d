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
 * below, each for a batch of swipes in one round trip (no entity loading); the entity maps the
 * table for them.
 */
@Entity
@Table(name = "swipe")
@IdClass(Swipe.Key.class)
@NamedNativeQuery(
    name = Swipe.INSERT_ALL,
    query =
        "insert into swipe (swiper_id, target_id, kind, created_at, dwell_ms)"
            + " select r.me, r.target, r.kind, ?2, r.\"dwellMs\" from json_to_recordset(cast(?1 as json))"
            + " as r(me uuid, target uuid, kind varchar, \"dwellMs\" integer)"
            + " on conflict do nothing")
@NamedNativeQuery(
    name = Swipe.CANDIDATE_STATES,
    query =
        "select r.i, may_browse(r.me),"
            + " exists (select 1 from profiles_visible_to(r.me) v where v.account_id = r.target),"
            + " (select s.kind from swipe s where s.swiper_id = r.me and s.target_id = r.target),"
            + " exists (select 1 from swipe s where s.swiper_id = r.target and s.target_id = r.me and s.kind <> 'PASS'),"
            + " (select string_agg(e.name || coalesce(':' || e.amount, ''), ',') from entitlement e where e.account_id = r.me and e.until > ?2)"
            + " from json_to_recordset(cast(?1 as json)) as r(i int, me uuid, target uuid)"
            + " join account a on a.id = r.target")
@NamedNativeQuery(
    name = Swipe.LIKES_IN_COUNT,
    query =
        "select count(*) from swipe s where s.target_id = ?1 and s.kind <> 'PASS'"
            + " and not exists (select 1 from swipe mine where mine.swiper_id = ?1 and mine.target_id = s.swiper_id)"
            + " and exists (select 1 from accounts_visible_to(?1) a where a.id = s.swiper_id)")
@NamedNativeQuery(
    name = Swipe.LIKES_IN,
    query =
        "select cast(s.swiper_id as varchar), s.kind, s.created_at from swipe s where s.target_id = ?1 and s.kind <> 'PASS'"
            + " and not exists (select 1 from swipe mine where mine.swiper_id = ?1 and mine.target_id = s.swiper_id)"
            + " and exists (select 1 from accounts_visible_to(?1) a where a.id = s.swiper_id)"
            + " order by s.created_at desc limit ?2")
public class Swipe {
  /**
   * Stores swipes (?1: [{me, target, kind, dwellMs?}]) made at ?2; one already there stays. {@code
   * dwellMs}: how long the card was on screen, in milliseconds, when the app says.
   */
  public static final String INSERT_ALL = "Swipe.insertAll";

  /**
   * Of each candidate for its swiper (?1: [{i, me, target}]) at ?2: i, whether the swiper may look
   * at others and whether the candidate is shown to the swiper (the visibility rule: {@code
   * may_browse}, {@code profiles_visible_to}), the swiper's earlier swipe, whether the candidate
   * liked the swiper, the swiper's entitlements (NAME or NAME:count, comma-separated); no row when
   * the candidate has no account.
   */
  public static final String CANDIDATE_STATES = "Swipe.candidateStates";

  /**
   * Likes (and super-likes) ?1 got and has not answered, from people shown to ?1 at all ({@code
   * accounts_visible_to}: active, not blocked either way).
   */
  public static final String LIKES_IN_COUNT = "Swipe.likesInCount";

  /** The same likes, newest first, at most ?2. */
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

  @Column(name = "dwell_ms")
  private Integer dwellMs;

  protected Swipe() {}
}
