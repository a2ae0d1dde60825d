package app.dating.chat.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedNativeQuery;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Arrays;
import java.util.UUID;

/** An X25519 one-time pre-key: handed to one peer, once, and deleted as it is handed out. */
@Entity
@Table(name = "e2e_one_time_prekey")
@IdClass(OneTimePreKey.Key.class)
@NamedQuery(name = OneTimePreKey.OF_OWNER, query = "select k from OneTimePreKey k where k.accountId = :owner")
@NamedQuery(name = OneTimePreKey.COUNT, query = "select count(k) from OneTimePreKey k where k.accountId = :owner")
@NamedQuery(name = OneTimePreKey.DELETE_ALL, query = "delete from OneTimePreKey k where k.accountId = :owner")
@NamedNativeQuery(
    name = OneTimePreKey.LOCK_NEXT,
    query = "select key_id, public_key from e2e_one_time_prekey where account_id = ?1"
        + " order by key_id limit 1 for update skip locked")
@NamedNativeQuery(
    name = OneTimePreKey.DELETE_ONE,
    query = "delete from e2e_one_time_prekey where account_id = ?1 and key_id = ?2")
public class OneTimePreKey {
  public static final String OF_OWNER = "OneTimePreKey.ofOwner";
  public static final String COUNT = "OneTimePreKey.count";
  public static final String DELETE_ALL = "OneTimePreKey.deleteAll";
  /**
   * The owner's lowest unclaimed key, row-locked until the transaction ends; keys locked by a
   * concurrent fetch are skipped, so two fetches never get the same key.
   */
  public static final String LOCK_NEXT = "OneTimePreKey.lockNext";
  public static final String DELETE_ONE = "OneTimePreKey.deleteOne";

  /** Primary key: whose key, and the client's id for it. */
  public record Key(UUID accountId, Integer keyId) implements Serializable {
    public Key() {
      this(null, null);
    }
  }

  @Id
  @Column(name = "account_id")
  private UUID accountId;

  @Id
  @Column(name = "key_id")
  private Integer keyId;

  @Column(name = "public_key", nullable = false, length = 32)
  private byte[] publicKey;

  protected OneTimePreKey() {}

  public OneTimePreKey(UUID accountId, int keyId, byte[] publicKey) {
    this.accountId = accountId;
    this.keyId = keyId;
    this.publicKey = publicKey.clone();
  }

  public int keyId() {
    return keyId;
  }

  /** Whether this is the same public key (a repeated upload), not another under the same id. */
  public boolean holds(byte[] key) {
    return Arrays.equals(publicKey, key);
  }
}
