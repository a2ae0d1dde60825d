package app.dating.chat.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dating.chat.control.MessageCipher.DataKey;
import app.dating.chat.control.MessageCipher.UndecryptableException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MessageCipherTest {
  private static final String KEY_A = key(1);
  private static final String KEY_B = key(2);
  private static final UUID CONVERSATION = UUID.fromString("0b6f4f0e-6f1f-4c39-9a39-3d2e1c5b7a10");
  private static final byte[] HELLO = "Hello, see you at 8? \uD83C\uDF77".getBytes(StandardCharsets.UTF_8);

  private final SecureRandom random = new SecureRandom();

  private static String key(int seed) {
    byte[] bytes = new byte[32];
    Arrays.fill(bytes, (byte) seed);
    bytes[0] = (byte) (seed * 7 + 3);
    return Base64.getEncoder().encodeToString(bytes);
  }

  private MessageCipher cipher(String masterKeys, String activeKid) {
    return new MessageCipher(masterKeys, activeKid, random);
  }

  @Test
  void roundTrip() {
    MessageCipher cipher = cipher("a:" + KEY_A, null);
    DataKey key = cipher.newDataKey();
    assertEquals("a", key.masterKeyId());
    byte[] sealed = cipher.encrypt(key, CONVERSATION, 42, HELLO);
    assertEquals(1 + 12 + HELLO.length + 16, sealed.length);
    assertEquals(MessageCipher.VERSION, sealed[0]);
    assertFalse(contains(sealed, HELLO));
    assertArrayEquals(HELLO, cipher.decrypt(key, CONVERSATION, 42, sealed));
    assertArrayEquals(new byte[0], cipher.decrypt(key, CONVERSATION, 43, cipher.encrypt(key, CONVERSATION, 43, new byte[0])));
  }

  @Test
  void anotherInstanceWithTheSameConfigurationDecrypts() {
    DataKey key = cipher("a:" + KEY_A, "a").newDataKey();
    byte[] sealed = cipher("a:" + KEY_A, "a").encrypt(key, CONVERSATION, 1, HELLO);
    assertArrayEquals(HELLO, cipher("a:" + KEY_A + ",b:" + KEY_B, "b").decrypt(key, CONVERSATION, 1, sealed));
  }

  @Test
  void everyByteOfTheCiphertextIsAuthenticated() {
    MessageCipher cipher = cipher("a:" + KEY_A, null);
    DataKey key = cipher.newDataKey();
    byte[] sealed = cipher.encrypt(key, CONVERSATION, 7, HELLO);
    for (int i = 1; i < sealed.length; i++) {
      byte[] tampered = sealed.clone();
      tampered[i] ^= 0x01;
      assertThrows(UndecryptableException.class, () -> cipher.decrypt(key, CONVERSATION, 7, tampered), "byte " + i);
    }
    byte[] otherVersion = sealed.clone();
    otherVersion[0] = 2;
    assertTrue(assertThrows(UndecryptableException.class, () -> cipher.decrypt(key, CONVERSATION, 7, otherVersion))
        .getMessage().contains("version"));
    assertThrows(UndecryptableException.class, () -> cipher.decrypt(key, CONVERSATION, 7, Arrays.copyOf(sealed, 20)));
    assertThrows(UndecryptableException.class, () -> cipher.decrypt(key, CONVERSATION, 7, Arrays.copyOf(sealed, sealed.length - 1)));
  }

  @Test
  void aCiphertextMovedToAnotherSequenceOrConversationIsRefused() {
    MessageCipher cipher = cipher("a:" + KEY_A, null);
    DataKey key = cipher.newDataKey();
    byte[] sealed = cipher.encrypt(key, CONVERSATION, 7, HELLO);
    UndecryptableException moved = assertThrows(UndecryptableException.class, () -> cipher.decrypt(key, CONVERSATION, 8, sealed));
    assertTrue(moved.getMessage().contains("failed authentication"), moved.getMessage());
    assertThrows(UndecryptableException.class, () -> cipher.decrypt(key, UUID.randomUUID(), 7, sealed));
  }

  @Test
  void anotherConversationsDataKeyIsRefused() {
    MessageCipher cipher = cipher("a:" + KEY_A, null);
    byte[] sealed = cipher.encrypt(cipher.newDataKey(), CONVERSATION, 1, HELLO);
    assertThrows(UndecryptableException.class, () -> cipher.decrypt(cipher.newDataKey(), CONVERSATION, 1, sealed));
  }

  @Test
  void aTamperedOrMislabelledWrappedKeyIsRefused() {
    MessageCipher cipher = cipher("a:" + KEY_A + ",b:" + KEY_B, "a");
    DataKey key = cipher.newDataKey();
    byte[] wrapped = key.wrapped();
    wrapped[20] ^= 0x40;
    assertThrows(UndecryptableException.class, () -> cipher.encrypt(new DataKey("a", wrapped), CONVERSATION, 1, HELLO));
    assertThrows(UndecryptableException.class, () -> cipher.encrypt(new DataKey("b", key.wrapped()), CONVERSATION, 1, HELLO));
    assertThrows(UndecryptableException.class, () -> cipher.encrypt(new DataKey("a", new byte[10]), CONVERSATION, 1, HELLO));
  }

  @Test
  void rotationRewrapsUnderTheActiveKeyAndTheOldKidCanThenGo() {
    MessageCipher before = cipher("a:" + KEY_A, null);
    DataKey underA = before.newDataKey();
    byte[] old = before.encrypt(underA, CONVERSATION, 1, HELLO);

    MessageCipher during = cipher("a:" + KEY_A + ",b:" + KEY_B, "b");
    assertEquals("b", during.activeMasterKeyId());
    assertEquals("b", during.newDataKey().masterKeyId());
    assertArrayEquals(HELLO, during.decrypt(underA, CONVERSATION, 1, old));
    DataKey underB = during.rewrap(underA);
    assertEquals("b", underB.masterKeyId());
    assertNotEquals(underA, underB);
    assertSame(underB, during.rewrap(underB));
    assertArrayEquals(HELLO, during.decrypt(underB, CONVERSATION, 1, old));

    MessageCipher after = cipher("b:" + KEY_B, null);
    assertArrayEquals(HELLO, after.decrypt(underB, CONVERSATION, 1, old));
    byte[] next = after.encrypt(underB, CONVERSATION, 2, HELLO);
    assertArrayEquals(HELLO, after.decrypt(underB, CONVERSATION, 2, next));
    IllegalStateException gone = assertThrows(IllegalStateException.class, () -> after.decrypt(underA, CONVERSATION, 1, old));
    assertTrue(gone.getMessage().contains("'a'") && gone.getMessage().contains("chat.master-keys"), gone.getMessage());
  }

  /** Newest first: only kids after the active one are retired, so instances not yet switched undo nothing. */
  @Test
  void theKeysBeingRetiredAreThoseListedAfterTheActiveOne() {
    assertEquals(List.of(), cipher("b:" + KEY_B + ",a:" + KEY_A, "a").olderMasterKeyIds(), "b is added, not active yet");
    assertEquals(List.of("a"), cipher("b:" + KEY_B + ",a:" + KEY_A, "b").olderMasterKeyIds());
    assertEquals(List.of("a"), cipher("b:" + KEY_B + ",a:" + KEY_A, null).olderMasterKeyIds(), "the first is active by default");
    assertEquals(List.of(), cipher("a:" + KEY_A, null).olderMasterKeyIds());
  }

  @Test
  void anUnknownKidIsAClearError() {
    MessageCipher cipher = cipher("a:" + KEY_A, null);
    DataKey stranger = new DataKey("zz", cipher.newDataKey().wrapped());
    IllegalStateException error = assertThrows(IllegalStateException.class, () -> cipher.encrypt(stranger, CONVERSATION, 1, HELLO));
    assertTrue(error.getMessage().contains("master key 'zz'"), error.getMessage());
    assertThrows(IllegalStateException.class, () -> cipher.rewrap(stranger));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  "})
  void missingConfigurationNamesTheKeysToSet(String masterKeys) {
    MessageCipher cipher = cipher(masterKeys, null);
    IllegalStateException error = assertThrows(IllegalStateException.class, cipher::newDataKey);
    assertTrue(error.getMessage().contains("chat.master-keys") && error.getMessage().contains("CHAT_MASTER_KEYS")
        && error.getMessage().contains("chat.master-key-id"), error.getMessage());
  }

  @Test
  void aShortKeyIsRefused() {
    String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
    IllegalStateException error = assertThrows(IllegalStateException.class, () -> cipher("a:" + shortKey, null).newDataKey());
    assertTrue(error.getMessage().contains("16 bytes") && error.getMessage().contains("32"), error.getMessage());
  }

  @Test
  void badBase64IsRefusedWithoutEchoingTheKey() {
    IllegalStateException error =
        assertThrows(IllegalStateException.class, () -> cipher("a:" + KEY_A + ",b:not*base64!", null).newDataKey());
    assertTrue(error.getMessage().contains("entry 2") && error.getMessage().contains("base64"), error.getMessage());
    assertFalse(error.getMessage().contains("not*base64!"), error.getMessage());
  }

  @Test
  void anEntryWithoutKidOrTwiceTheSameKidIsRefused() {
    assertThrows(IllegalStateException.class, () -> cipher(KEY_A, null).newDataKey());
    assertThrows(IllegalStateException.class, () -> cipher(":" + KEY_A, null).newDataKey());
    assertThrows(IllegalStateException.class, () -> cipher("a b:" + KEY_A, null).newDataKey());
    IllegalStateException twice = assertThrows(IllegalStateException.class, () -> cipher("a:" + KEY_A + ",a:" + KEY_B, null).newDataKey());
    assertTrue(twice.getMessage().contains("twice"), twice.getMessage());
  }

  @Test
  void anActiveKidThatIsNotConfiguredIsRefused() {
    IllegalStateException error = assertThrows(IllegalStateException.class, () -> cipher("a:" + KEY_A + ",b:" + KEY_B, "c").newDataKey());
    assertTrue(error.getMessage().contains("chat.master-key-id") && error.getMessage().contains("'c'"), error.getMessage());
  }

  @Test
  void theDefaultActiveKidIsTheFirstEntry() {
    assertEquals("b", cipher(" b : " + KEY_B + " , a:" + KEY_A, "").activeMasterKeyId());
  }

  @Test
  void noncesNeverRepeat() {
    MessageCipher cipher = cipher("a:" + KEY_A, null);
    DataKey key = cipher.newDataKey();
    Set<ByteBuffer> nonces = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      byte[] sealed = cipher.encrypt(key, CONVERSATION, i, HELLO);
      assertTrue(nonces.add(ByteBuffer.wrap(Arrays.copyOfRange(sealed, 1, 13))), "nonce repeated at " + i);
    }
    Set<ByteBuffer> wrapNonces = new HashSet<>();
    for (int i = 0; i < 1_000; i++) {
      assertTrue(wrapNonces.add(ByteBuffer.wrap(Arrays.copyOfRange(cipher.newDataKey().wrapped(), 1, 13))));
    }
  }

  @Test
  void theSameMessageEncryptsDifferentlyEachTime() {
    MessageCipher cipher = cipher("a:" + KEY_A, null);
    DataKey key = cipher.newDataKey();
    assertFalse(Arrays.equals(cipher.encrypt(key, CONVERSATION, 1, HELLO), cipher.encrypt(key, CONVERSATION, 1, HELLO)));
  }

  @Test
  void aDataKeyShowsNoBytesAndCopiesItsArray() {
    DataKey key = cipher("a:" + KEY_A, null).newDataKey();
    assertEquals("DataKey[masterKeyId=a, wrapped=61 bytes]", key.toString());
    byte[] copy = key.wrapped();
    copy[5] ^= 1;
    assertFalse(Arrays.equals(copy, key.wrapped()));
    assertEquals(new DataKey("a", key.wrapped()), key);
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
        return true;
      }
    }
    return false;
  }
}
