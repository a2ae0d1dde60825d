package app.dating.chat.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dating.chat.boundary.BundleUpload;
import app.dating.chat.boundary.BundleUpload.PreKey;
import app.dating.chat.control.BundleValidation.ValidBundle;
import app.dating.shared.problem.InvalidInputException;
import app.dating.shared.problem.Problem.FieldViolation;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** With real keys, generated and signed the way an app would. */
class BundleValidationTest {
  private static final Base64.Encoder B64 = Base64.getEncoder();

  private final KeyPair signing = pair("Ed25519");
  private final byte[] identityKey = raw(pair("X25519").getPublic());
  private final byte[] signedPreKey = raw(pair("X25519").getPublic());
  private final byte[] signature = sign(signing, signedPreKey);

  private static KeyPair pair(String algorithm) {
    try {
      return KeyPairGenerator.getInstance(algorithm).generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  /** The raw 32-byte key at the end of its X.509 SubjectPublicKeyInfo encoding (RFC 8410). */
  private static byte[] raw(PublicKey key) {
    byte[] encoded = key.getEncoded();
    assertEquals(44, encoded.length);
    return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
  }

  private static byte[] sign(KeyPair pair, byte[] message) {
    try {
      Signature signer = Signature.getInstance("Ed25519");
      signer.initSign(pair.getPrivate());
      signer.update(message);
      return signer.sign();
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  private static List<PreKey> preKeys(int first, int count) {
    return IntStream.range(first, first + count).mapToObj(id -> new PreKey(id, B64.encodeToString(raw(pair("X25519").getPublic())))).toList();
  }

  private BundleUpload upload(List<PreKey> oneTimePreKeys) {
    return new BundleUpload(
        B64.encodeToString(identityKey), B64.encodeToString(raw(signing.getPublic())), 7,
        B64.encodeToString(signedPreKey), B64.encodeToString(signature), oneTimePreKeys);
  }

  private static Map<String, String> violations(BundleUpload upload) {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> BundleValidation.validate(upload));
    return e.violations().stream().collect(Collectors.toMap(FieldViolation::field, FieldViolation::message, (a, b) -> a + " / " + b));
  }

  @Test
  void aGenuineBundleIsAcceptedAndDecoded() {
    ValidBundle bundle = BundleValidation.validate(upload(preKeys(1, 100)));
    assertArrayEquals(identityKey, bundle.identityKey());
    assertArrayEquals(raw(signing.getPublic()), bundle.signingKey());
    assertArrayEquals(signedPreKey, bundle.signedPreKey());
    assertArrayEquals(signature, bundle.signedPreKeySignature());
    assertEquals(7, bundle.signedPreKeyId());
    assertEquals(100, bundle.oneTimePreKeys().size());
    assertEquals(1, bundle.oneTimePreKeys().get(0).keyId());
    assertEquals(32, bundle.oneTimePreKeys().get(0).publicKey().length);
  }

  @Test
  void oneTimePreKeysMayBeAbsent() {
    assertTrue(BundleValidation.validate(upload(null)).oneTimePreKeys().isEmpty());
  }

  @Test
  void theSignatureMustVerifyOverTheSignedPreKey() {
    byte[] otherKey = raw(pair("X25519").getPublic());
    BundleUpload swapped = new BundleUpload(
        B64.encodeToString(identityKey), B64.encodeToString(raw(signing.getPublic())), 7,
        B64.encodeToString(otherKey), B64.encodeToString(signature), null);
    assertTrue(violations(swapped).get("signedPreKeySignature").contains("does not verify"));

    byte[] forged = signature.clone();
    forged[10] ^= 1;
    BundleUpload tampered = new BundleUpload(
        B64.encodeToString(identityKey), B64.encodeToString(raw(signing.getPublic())), 7,
        B64.encodeToString(signedPreKey), B64.encodeToString(forged), null);
    assertEquals(List.of("signedPreKeySignature"), List.copyOf(violations(tampered).keySet()));

    BundleUpload otherSigner = new BundleUpload(
        B64.encodeToString(identityKey), B64.encodeToString(raw(pair("Ed25519").getPublic())), 7,
        B64.encodeToString(signedPreKey), B64.encodeToString(signature), null);
    assertTrue(violations(otherSigner).containsKey("signedPreKeySignature"));
  }

  @Test
  void verifiesWorksOnRawKeys() {
    assertTrue(BundleValidation.verifies(raw(signing.getPublic()), signedPreKey, signature));
    assertFalse(BundleValidation.verifies(raw(signing.getPublic()), identityKey, signature));
    byte[] notAPoint = new byte[32];
    Arrays.fill(notAPoint, (byte) 0xff);
    assertFalse(BundleValidation.verifies(notAPoint, signedPreKey, signature));
    assertFalse(BundleValidation.verifies(raw(signing.getPublic()), signedPreKey, new byte[64]));
  }

  @ParameterizedTest
  @ValueSource(ints = {16, 31, 33, 64})
  void keysMustBeExactly32Bytes(int length) {
    String wrong = B64.encodeToString(new byte[length]);
    BundleUpload upload = new BundleUpload(wrong, wrong, 7, wrong, B64.encodeToString(new byte[length]), List.of(new PreKey(1, wrong)));
    Map<String, String> found = violations(upload);
    for (String field : List.of("identityKey", "signingKey", "signedPreKey", "oneTimePreKeys[0].publicKey")) {
      assertTrue(found.get(field).contains("exactly 32 bytes, not " + length), field + ": " + found);
    }
    if (length != 64) {
      assertTrue(found.get("signedPreKeySignature").contains("exactly 64 bytes"), found.toString());
    }
  }

  @Test
  void badBase64MissingAndAllZeroKeysAreNamed() {
    BundleUpload upload = new BundleUpload(
        "not base64!", null, null, B64.encodeToString(new byte[32]), "", List.of(new PreKey(-1, "@@")));
    Map<String, String> found = violations(upload);
    assertEquals("Not standard base64.", found.get("identityKey"));
    assertEquals("Required.", found.get("signingKey"));
    assertEquals("Required.", found.get("signedPreKeyId"));
    assertTrue(found.get("signedPreKey").contains("all-zero"));
    assertEquals("Required.", found.get("signedPreKeySignature"));
    assertEquals("Must be 0 or more.", found.get("oneTimePreKeys[0].keyId"));
    assertEquals("Not standard base64.", found.get("oneTimePreKeys[0].publicKey"));
  }

  @Test
  void urlSafeBase64IsNotStandardBase64() {
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) 0xfb); // encodes with '+' and '/' in standard, '-' and '_' in url-safe
    BundleUpload upload = new BundleUpload(Base64.getUrlEncoder().encodeToString(key), null, 1, null, null, null);
    assertEquals("Not standard base64.", violations(upload).get("identityKey"));
  }

  @Test
  void atMostOneHundredOneTimePreKeysPerUpload() {
    Map<String, String> found = violations(upload(preKeys(0, 101)));
    assertTrue(found.get("oneTimePreKeys").contains("At most 100"), found.toString());
  }

  @Test
  void keyIdsAreUniqueWithinAnUpload() {
    List<PreKey> keys = new ArrayList<>(preKeys(1, 3));
    keys.add(new PreKey(2, keys.get(0).publicKey()));
    Map<String, String> found = violations(upload(keys));
    assertEquals(List.of("oneTimePreKeys[3].keyId"), List.copyOf(found.keySet()));
    assertTrue(found.get("oneTimePreKeys[3].keyId").contains("twice"));
  }

  @Test
  void aMissingOneTimePreKeyIsNamed() {
    List<PreKey> keys = new ArrayList<>(preKeys(1, 2));
    keys.add(1, null);
    assertEquals("A one-time pre-key is required here.", violations(upload(keys)).get("oneTimePreKeys[1]"));
  }

  @Test
  void atMostTwoHundredOneTimePreKeysAreKept() {
    assertDoesNotThrow(() -> BundleValidation.checkRoom(100, 100));
    assertDoesNotThrow(() -> BundleValidation.checkRoom(200, 0));
    InvalidInputException full = assertThrows(InvalidInputException.class, () -> BundleValidation.checkRoom(150, 51));
    FieldViolation violation = full.violations().get(0);
    assertEquals("oneTimePreKeys", violation.field());
    assertTrue(violation.message().contains("150 are stored") && violation.message().contains("at most 50 more"), violation.message());
  }

  @Test
  void aMissingBodyIsRefused() {
    assertThrows(InvalidInputException.class, () -> BundleValidation.validate(null));
  }
}
