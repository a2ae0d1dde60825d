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
@NamedNativeQuery(name = Block.SEES, query = "select may_browse(?1), visible_to(?1, ?2)")
@NamedNativeQuery(name = Block.MAY_BROWSE, query = "select may_browse(?1)")
@NamedNativeQuery(
    name = Block.IN_OPEN_MATCH,
    query =
        "select count(*) from match m where m.id = ?1 and m.ended_at is null and (m.user_a = ?2 or m.user_b = ?2)")
public class Block {
  /** Stores that ?1 blocked ?2 at ?3; a block stored before stays as it was. */
  public static final String INSERT_IF_ABSENT = "Block.insertIfAbsent";

  /**
   * Whether ?1 may look at others at all, and whether ?1 may see the profile of ?2: the SQL
   * functions of the visibility rule (see the package description).
   */
  public static final String SEES = "Block.sees";

  /** Whether ?1 may look at others at all: an active account with a verified address. */
  public static final String MAY_BROWSE = "Block.mayBrowse";

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
