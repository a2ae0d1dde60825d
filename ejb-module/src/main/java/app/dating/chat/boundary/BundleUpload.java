package app.dating.chat.boundary;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a person's app publishes for end-to-end encryption: public keys only, each standard base64
 * (RFC 4648, with padding) of exactly 32 raw bytes; the signature is base64 of 64 bytes. Publishing
 * replaces the identity, signing and signed pre-key, and adds the one-time pre-keys (at most
 * {@value app.dating.chat.control.BundleValidation#UPLOAD_MAX} per upload, {@value
 * app.dating.chat.control.BundleValidation#STORED_MAX} kept). Checked by {@link
 * app.dating.chat.control.BundleValidation}.
 *
 * @param identityKey X25519 identity public key
 * @param signingKey Ed25519 public key that signs the signed pre-key
 * @param signedPreKeyId the client's id of the signed pre-key
 * @param signedPreKey X25519 signed pre-key
 * @param signedPreKeySignature Ed25519 signature by {@code signingKey} over the 32 raw bytes of
 *     {@code signedPreKey}
 * @param oneTimePreKeys X25519 one-time pre-keys to add; may be absent
 */
public record BundleUpload(
    String identityKey,
    String signingKey,
    Integer signedPreKeyId,
    String signedPreKey,
    String signedPreKeySignature,
    List<PreKey> oneTimePreKeys) {

  public BundleUpload(
      String identityKey,
      String signingKey,
      Integer signedPreKeyId,
      String signedPreKey,
      String signedPreKeySignature,
      List<PreKey> oneTimePreKeys) {
    this.identityKey = identityKey;
    this.signingKey = signingKey;
    this.signedPreKeyId = signedPreKeyId;
    this.signedPreKey = signedPreKey;
    this.signedPreKeySignature = signedPreKeySignature;
    this.oneTimePreKeys =
        oneTimePreKeys == null
            ? List.of()
            : Collections.unmodifiableList(new ArrayList<>(oneTimePreKeys));
  }

  /** A one-time pre-key: the client's id for it and the base64 X25519 public key. */
  public record PreKey(Integer keyId, String publicKey) {}
}
