package app.dating.matching.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedNativeQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/** One person blocked another: both are hidden from each other everywhere, for good. */
@Entity
@Table(name = "block")
@IdClass(Block.Key.class)
@NamedNativeQuery(
        name = Block.INSERT_IF_ABSENT,
        query = "insert into block (blocker_id, blocked_id, created_at) values (?1, ?2, ?3) on conflict do nothing")
@NamedNativeQuery(
        name = Block.EITHER_WAY,
        query =
                "select count(*) from block where (blocker_id = ?1 and blocked_id = ?2) or (blocker_id = ?2 and blocked_id = ?1)")
public class Block {
    public static final String INSERT_IF_ABSENT = "Block.insertIfAbsent";
    public static final String EITHER_WAY = "Block.eitherWay";

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
