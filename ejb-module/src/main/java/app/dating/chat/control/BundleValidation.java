package app.dating.chat.control;

import app.dating.chat.boundary.BundleUpload;
import app.dating.shared.problem.InvalidInputException;
import app.dating.shared.problem.Problem.FieldViolation;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a published key bundle without a database: every key is base64 of exactly 32 bytes (and
 * not all zeros), the signed pre-key's Ed25519 signature verifies over its raw bytes, ids are
 * non-negative and unique, and there are at most {@value #UPLOAD_MAX} one-time pre-keys. Every
 * broken field is reported, by its JSON name, in one {@link InvalidInputException}.
 */
public final class BundleValidation {
  /** Raw length of an X25519 or Ed25519 public key. */
  public static final int KEY_BYTES = 32;

  /** Raw length of an Ed25519 signature. */
  public static final int SIGNATURE_BYTES = 64;

  /** One-time pre-keys accepted in one upload. */
  public static final int UPLOAD_MAX = 100;

  /** One-time pre-keys kept per person. */
  public static final int STORED_MAX = 200;

  /** DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410): the raw key follows it. */
  private static final byte[] ED25519_X509_PREFIX = {
    0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00
  };

  private BundleValidation() {}

  /** A checked bundle, decoded to raw bytes. */
  public record ValidBundle(
      byte[] identityKey,
      byte[] signingKey,
      int signedPreKeyId,
      byte[] signedPreKey,
      byte[] signedPreKeySignature,
      List<RawPreKey> oneTimePreKeys) {
    public ValidBundle(
        byte[] identityKey,
        byte[] signingKey,
        int signedPreKeyId,
        byte[] signedPreKey,
        byte[] signedPreKeySignature,
        List<RawPreKey> oneTimePreKeys) {
      this.identityKey = identityKey;
      this.signingKey = signingKey;
      this.signedPreKeyId = signedPreKeyId;
      this.signedPreKey = signedPreKey;
      this.signedPreKeySignature = signedPreKeySignature;
      this.oneTimePreKeys = List.copyOf(oneTimePreKeys);
    }
  }

  /** A checked one-time pre-key, its position in the upload kept for error messages. */
  public record RawPreKey(int index, int keyId, byte[] publicKey) {

    /** The JSON name of this key's field {@code member}, as clients see it in errors. */
    public String field(String member) {
      return "oneTimePreKeys[" + index + "]." + member;
    }
  }

  /** The bundle decoded, or an {@link InvalidInputException} naming each invalid field. */
  public static ValidBundle validate(BundleUpload upload) {
    if (upload == null) {
      throw InvalidInputException.of("body", "A key bundle is required.");
    }
    List<FieldViolation> violations = new ArrayList<>();
    byte[] identityKey = key(upload.identityKey(), "identityKey", violations);
    byte[] signingKey = key(upload.signingKey(), "signingKey", violations);
    byte[] signedPreKey = key(upload.signedPreKey(), "signedPreKey", violations);
    byte[] signature =
        bytes(upload.signedPreKeySignature(), "signedPreKeySignature", SIGNATURE_BYTES, violations);
    int signedPreKeyId = id(upload.signedPreKeyId(), "signedPreKeyId", violations);
    if (signingKey != null
        && signedPreKey != null
        && signature != null
        && !verifies(signingKey, signedPreKey, signature)) {
      violations.add(
          new FieldViolation(
              "signedPreKeySignature",
              "The signature does not verify with signingKey over the signed pre-key."));
    }
    List<RawPreKey> preKeys = new ArrayList<>();
    List<BundleUpload.PreKey> sent = upload.oneTimePreKeys();
    if (sent.size() > UPLOAD_MAX) {
      violations.add(
          new FieldViolation(
              "oneTimePreKeys",
              "At most "
                  + UPLOAD_MAX
                  + " one-time pre-keys per upload; "
                  + sent.size()
                  + " were sent."));
    } else {
      Set<Integer> ids = new HashSet<>();
      for (int i = 0; i < sent.size(); i++) {
        BundleUpload.PreKey preKey = sent.get(i);
        String field = "oneTimePreKeys[" + i + "]";
        if (preKey == null) {
          violations.add(new FieldViolation(field, "A one-time pre-key is required here."));
          continue;
        }
        int keyId = id(preKey.keyId(), field + ".keyId", violations);
        if (keyId >= 0 && !ids.add(keyId)) {
          violations.add(
              new FieldViolation(
                  field + ".keyId", "Key id " + keyId + " appears twice in this upload."));
        }
        byte[] publicKey = key(preKey.publicKey(), field + ".publicKey", violations);
        if (keyId >= 0 && publicKey != null) {
          preKeys.add(new RawPreKey(i, keyId, publicKey));
        }
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    return new ValidBundle(
        identityKey, signingKey, signedPreKeyId, signedPreKey, signature, preKeys);
  }

  /** Refuses an upload that would keep more than {@value #STORED_MAX} one-time pre-keys. */
  public static void checkRoom(long stored, int adding) {
    if (stored + adding > STORED_MAX) {
      throw InvalidInputException.of(
          "oneTimePreKeys",
          "At most "
              + STORED_MAX
              + " one-time pre-keys are kept; "
              + stored
              + " are stored, so at most "
              + Math.max(0, STORED_MAX - stored)
              + " more fit.");
    }
  }

  /**
   * Whether {@code signature} is a valid Ed25519 signature by the raw 32-byte {@code signingKey}.
   */
  public static boolean verifies(byte[] signingKey, byte[] message, byte[] signature) {
    try {
      PublicKey key =
          KeyFactory.getInstance("Ed25519")
              .generatePublic(new X509EncodedKeySpec(x509(signingKey)));
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(key);
      verifier.update(message);
      return verifier.verify(signature);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Ed25519 is not available in this JDK", e);
    } catch (GeneralSecurityException | RuntimeException e) {
      return false; // not a point on the curve, or a malformed signature
    }
  }

  private static byte[] x509(byte[] rawKey) {
    byte[] encoded = new byte[ED25519_X509_PREFIX.length + rawKey.length];
    System.arraycopy(ED25519_X509_PREFIX, 0, encoded, 0, ED25519_X509_PREFIX.length);
    System.arraycopy(rawKey, 0, encoded, ED25519_X509_PREFIX.length, rawKey.length);
    return encoded;
  }

  private static byte[] key(String base64, String field, List<FieldViolation> violations) {
    byte[] key = bytes(base64, field, KEY_BYTES, violations);
    if (key != null && allZero(key)) {
      violations.add(new FieldViolation(field, "An all-zero key is not a public key."));
      return null;
    }
    return key;
  }

  private static byte[] bytes(
      String base64, String field, int length, List<FieldViolation> violations) {
    if (base64 == null || base64.isEmpty()) {
      violations.add(new FieldViolation(field, "Required."));
      return null;
    }
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      violations.add(new FieldViolation(field, "Not standard base64."));
      return null;
    }
    if (decoded.length != length) {
      violations.add(
          new FieldViolation(
              field,
              "Must be base64 of exactly " + length + " bytes, not " + decoded.length + "."));
      return null;
    }
    return decoded;
  }

  private static int id(Integer id, String field, List<FieldViolation> violations) {
    if (id == null) {
      violations.add(new FieldViolation(field, "Required."));
      return -1;
    }
    if (id < 0) {
      violations.add(new FieldViolation(field, "Must be 0 or more."));
      return -1;
    }
    return id;
  }

  private static boolean allZero(byte[] bytes) {
    int or = 0;
    for (byte b : bytes) {
      or |= b;
    }
    return or == 0;
  }
}
