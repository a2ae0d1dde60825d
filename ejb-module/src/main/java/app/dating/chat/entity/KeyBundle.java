package app.dating.chat.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedNativeQuery;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

/**
 * A person's published end-to-end keys: X25519 identity key, Ed25519 signing key, and the current
 * signed pre-key with its signature. Public keys only; the private halves never leave the app.
 */
@Entity
@Table(name = "e2e_identity")
@NamedNativeQuery(
    name = KeyBundle.INSERT_IF_ABSENT,
    query = "insert into e2e_identity (account_id, identity_key, signing_key, signed_prekey_id, signed_prekey,"
        + " signed_prekey_signature, updated_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7) on conflict (account_id) do nothing")
@NamedQuery(name = KeyBundle.DELETE, query = "delete from KeyBundle b where b.accountId = :owner")
@NamedNativeQuery(
    name = KeyBundle.ACTIVE_MATCHES,
    query = "select count(*) from match where user_a = ?1 and user_b = ?2 and ended_at is null")
public class KeyBundle {
  public static final String INSERT_IF_ABSENT = "KeyBundle.insertIfAbsent";
  public static final String DELETE = "KeyBundle.delete";
  /** Active matches of a pair, the smaller id first as PostgreSQL orders uuids: who may fetch a bundle. */
  public static final String ACTIVE_MATCHES = "KeyBundle.activeMatches";

  @Id
  @Column(name = "account_id")
  private UUID accountId;

  @Column(name = "identity_key", nullable = false, length = 32)
  private byte[] identityKey;

  @Column(name = "signing_key", nullable = false, length = 32)
  private byte[] signingKey;

  @Column(name = "signed_prekey_id", nullable = false)
  private int signedPreKeyId;

  @Column(name = "signed_prekey", nullable = false, length = 32)
  private byte[] signedPreKey;

  @Column(name = "signed_prekey_signature", nullable = false, length = 64)
  private byte[] signedPreKeySignature;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected KeyBundle() {}

  /**
   * Takes the newly published keys. Says whether the identity or signing key changed (a new
   * install): the one-time pre-keys published under the old keys are then useless and must go.
   */
  public boolean replace(
      byte[] identityKey, byte[] signingKey, int signedPreKeyId, byte[] signedPreKey, byte[] signature, Instant now) {
    boolean newIdentity = !Arrays.equals(this.identityKey, identityKey) || !Arrays.equals(this.signingKey, signingKey);
    this.identityKey = identityKey.clone();
    this.signingKey = signingKey.clone();
    this.signedPreKeyId = signedPreKeyId;
    this.signedPreKey = signedPreKey.clone();
    this.signedPreKeySignature = signature.clone();
    this.updatedAt = now;
    return newIdentity;
  }

  public UUID accountId() {
    return accountId;
  }

  public byte[] identityKey() {
    return identityKey.clone();
  }

  public byte[] signingKey() {
    return signingKey.clone();
  }

  public int signedPreKeyId() {
    return signedPreKeyId;
  }

  public byte[] signedPreKey() {
    return signedPreKey.clone();
  }

  public byte[] signedPreKeySignature() {
    return signedPreKeySignature.clone();
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
