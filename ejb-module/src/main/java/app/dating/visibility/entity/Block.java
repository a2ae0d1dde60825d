package app.dating.visibility.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedNativeQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/**
 * One person blocked another: both are hidden from each other everywhere, for good.
 *
 * <p>The visibility component's queries are declared here, beside its one entity. Those that read
 * accounts, profiles and matches do it in SQL over their tables, so that this component imports no
 * other component's classes and every component can ask it (see the package description).
 */
@Entity
@Table(name = "block")
@IdClass(Block.Key.class)
@NamedNativeQuery(
    name = Block.INSERT_IF_ABSENT,
    query =
        "insert into block (blocker_id, blocked_id, created_at) values (?1, ?2, ?3) on conflict do nothing")
@NamedNativeQuery(
    name = Block.SEES,
    query =
        "select count(*) from account a join profile p on p.account_id = a.id"
            + " where a.id = ?2 and a.status = 'ACTIVE' and p.visibility = 'DISCOVERABLE'"
            + " and not exists (select 1 from block b"
            + " where (b.blocker_id = ?1 and b.blocked_id = ?2) or (b.blocker_id = ?2 and b.blocked_id = ?1))")
@NamedNativeQuery(
    name = Block.IN_OPEN_MATCH,
    query =
        "select count(*) from match m where m.id = ?1 and m.ended_at is null and (m.user_a = ?2 or m.user_b = ?2)")
public class Block {
  /** Stores that ?1 blocked ?2 at ?3; a block stored before stays as it was. */
  public static final String INSERT_IF_ABSENT = "Block.insertIfAbsent";

  /**
   * 1 when ?1 may see the profile of ?2, someone else: an active account with a discoverable
   * profile, and neither blocked the other; 0 otherwise.
   */
  public static final String SEES = "Block.sees";

  /** 1 when ?1 is an active match (a conversation) and ?2 one of its two people; 0 otherwise. */
  public static final String IN_OPEN_MATCH = "Block.inOpenMatch";

  /** Primary key: who blocked whom. */
  public record Key(UUID blockerId, UUID blockedId) implements Serializable {
    public Key() {
      this(null, null);
    }
  }

  @Id
  @Column(name = "blocker_id")
  private UUID blockerId;

  @Id
  @Column(name = "blocked_id")
  private UUID blockedId;

  protected Block() {}
}
