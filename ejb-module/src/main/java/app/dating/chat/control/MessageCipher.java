package app.dating.chat.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Encryption of message bodies at rest, envelope style. Each conversation has its own random
 * 256-bit data key; messages are sealed with it (AES-256-GCM), and the data key is stored only
 * wrapped by a master key from configuration, under that master key's id (kid).
 *
 * <p>Configuration (MicroProfile Config, so also the environment variables {@code CHAT_MASTER_KEYS}
 * and {@code CHAT_MASTER_KEY_ID}):
 *
 * <ul>
 *   <li>{@code chat.master-keys}: {@code kid:base64(32 random bytes)} entries separated by commas,
 *       e.g. {@code 2025a:q8F…=,2025b:Zt1…=}; the old kids stay listed until nothing is wrapped
 *       under them any more;
 *   <li>{@code chat.master-key-id}: the kid that wraps new data keys (default: the first entry).
 * </ul>
 *
 * There is no default key: without configuration the first use fails with an {@link
 * IllegalStateException} that names the properties to set. The configuration is read once, at
 * first use; a rotation takes effect with a restart (see {@code docs/chat-encryption.md}).
 *
 * <p>Data keys are wrapped with AES-256-GCM too (random 96-bit nonce, the kid as associated data),
 * not with AES Key Wrap (RFC 3394): one primitive and one code path for everything, the wrapped key
 * is bound to its kid, and a tampered wrapped key fails with the same authentication error as a
 * tampered message. The random-nonce bound of GCM (about 2^32 encryptions per key) is far above
 * the number of conversations a master key wraps, and every rotation starts a fresh key. Key Wrap
 * would save 21 bytes per conversation, which does not matter here.
 *
 * <p>Formats (version byte first, so a later scheme can be told apart): a message is {@code 01 ‖
 * nonce(12) ‖ ciphertext ‖ tag(16)} with associated data {@code 01 ‖ conversationId(16) ‖
 * sequence(8)}, so a ciphertext copied to another conversation or position fails to decrypt; a
 * wrapped data key is {@code 01 ‖ nonce(12) ‖ encrypted key(32) ‖ tag(16)}.
 */
@ApplicationScoped
public class MessageCipher {
  /** The format version written in front of every message and wrapped key. */
  public static final byte VERSION = 1;

  static final String MASTER_KEYS = "chat.master-keys";
  static final String MASTER_KEY_ID = "chat.master-key-id";
  static final int KEY_BYTES = 32;
  static final int NONCE_BYTES = 12;
  static final int TAG_BYTES = 16;
  /** Unwrapped data keys kept in memory: one per recently active conversation. */
  static final int CACHE_SIZE = 2048;

  private static final Pattern KID = Pattern.compile("[A-Za-z0-9._-]{1,32}");
  private static final String TRANSFORMATION = "AES/GCM/NoPadding";
  private static final byte[] WRAP_CONTEXT = "dating-chat-data-key:".getBytes(StandardCharsets.US_ASCII);

  @Inject
  @ConfigProperty(name = MASTER_KEYS)
  Optional<String> masterKeys;

  @Inject
  @ConfigProperty(name = MASTER_KEY_ID)
  Optional<String> masterKeyId;

  private final SecureRandom random;
  private volatile Keyring keyring;
  private final Map<String, SecretKey> dataKeys =
      Collections.synchronizedMap(
          new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, SecretKey> eldest) {
              return size() > CACHE_SIZE;
            }
          });

  /** For CDI: the configuration is injected into the fields. */
  public MessageCipher() {
    this.random = new SecureRandom();
  }

  /** For tests: the configuration as it would be written, and the random source. */
  MessageCipher(String masterKeys, String masterKeyId, SecureRandom random) {
    this.masterKeys = Optional.ofNullable(masterKeys);
    this.masterKeyId = Optional.ofNullable(masterKeyId);
    this.random = Objects.requireNonNull(random, "random");
  }

  /**
   * A conversation's data key, as stored: the id of the master key that wraps it and the wrapped
   * bytes. Never holds the key in clear.
   */
  public record DataKey(String masterKeyId, byte[] wrapped) {
    public DataKey(String masterKeyId, byte[] wrapped) {
      this.masterKeyId = Objects.requireNonNull(masterKeyId, "masterKeyId");
      this.wrapped = Objects.requireNonNull(wrapped, "wrapped").clone();
    }

    @Override
    public byte[] wrapped() {
      return wrapped.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof DataKey key && masterKeyId.equals(key.masterKeyId) && Arrays.equals(wrapped, key.wrapped);
    }

    @Override
    public int hashCode() {
      return 31 * masterKeyId.hashCode() + Arrays.hashCode(wrapped);
    }

    @Override
    public String toString() {
      return "DataKey[masterKeyId=" + masterKeyId + ", wrapped=" + wrapped.length + " bytes]";
    }

    String cacheKey() {
      return masterKeyId + ':' + Base64.getEncoder().encodeToString(wrapped);
    }
  }

  /** A ciphertext or wrapped key that fails authentication: tampered, moved, or under another key. */
  public static final class UndecryptableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UndecryptableException(String message) {
      super(message);
    }

    UndecryptableException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The kid that wraps new data keys. */
  public String activeMasterKeyId() {
    return keyring().activeId();
  }

  /**
   * The kids listed after the active one in {@code chat.master-keys} (newest first): the keys being
   * retired, whose data keys the background rewrap moves to the active one. Kids listed before the
   * active one are newer: an instance not yet switched to them leaves them alone.
   */
  public List<String> olderMasterKeyIds() {
    return keyring().older();
  }

  /** A new random 256-bit data key, wrapped by the active master key. */
  public DataKey newDataKey() {
    byte[] key = new byte[KEY_BYTES];
    random.nextBytes(key);
    try {
      return wrap(key);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  /**
   * The same data key wrapped by the active master key (master-key rotation). A key that is
   * wrapped by the active master key already is returned as it is.
   */
  public DataKey rewrap(DataKey key) {
    Keyring ring = keyring();
    if (key.masterKeyId().equals(ring.activeId())) {
      return key;
    }
    byte[] raw = unwrap(key).getEncoded();
    try {
      return wrap(raw);
    } finally {
      Arrays.fill(raw, (byte) 0);
    }
  }

  /** Seals {@code plaintext} as message {@code sequence} of {@code conversationId}. */
  public byte[] encrypt(DataKey key, UUID conversationId, long sequence, byte[] plaintext) {
    Objects.requireNonNull(plaintext, "plaintext");
    SecretKey dataKey = cachedDataKey(key);
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(Cipher.ENCRYPT_MODE, dataKey, new GCMParameterSpec(TAG_BYTES * 8, nonce));
      cipher.updateAAD(messageAad(conversationId, sequence));
      ByteBuffer out = ByteBuffer.allocate(1 + NONCE_BYTES + plaintext.length + TAG_BYTES);
      out.put(VERSION).put(nonce);
      cipher.doFinal(ByteBuffer.wrap(plaintext), out);
      return out.array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  /**
   * Opens a sealed message.
   *
   * @throws UndecryptableException when the ciphertext was altered, belongs to another
   *     conversation or sequence, or was sealed under another data key
   */
  public byte[] decrypt(DataKey key, UUID conversationId, long sequence, byte[] ciphertext) {
    Objects.requireNonNull(ciphertext, "ciphertext");
    checkEnvelope(ciphertext, 0, "message ciphertext");
    SecretKey dataKey = cachedDataKey(key);
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(Cipher.DECRYPT_MODE, dataKey, new GCMParameterSpec(TAG_BYTES * 8, ciphertext, 1, NONCE_BYTES));
      cipher.updateAAD(messageAad(conversationId, sequence));
      return cipher.doFinal(ciphertext, 1 + NONCE_BYTES, ciphertext.length - 1 - NONCE_BYTES);
    } catch (AEADBadTagException e) {
      throw new UndecryptableException(
          "message " + sequence + " of conversation " + conversationId
              + " failed authentication: altered, stored under another conversation or sequence, or under another data key",
          e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  private DataKey wrap(byte[] rawKey) {
    Keyring ring = keyring();
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(Cipher.ENCRYPT_MODE, ring.active(), new GCMParameterSpec(TAG_BYTES * 8, nonce));
      cipher.updateAAD(wrapAad(ring.activeId()));
      ByteBuffer out = ByteBuffer.allocate(1 + NONCE_BYTES + KEY_BYTES + TAG_BYTES);
      out.put(VERSION).put(nonce);
      cipher.doFinal(ByteBuffer.wrap(rawKey), out);
      return new DataKey(ring.activeId(), out.array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  private SecretKey unwrap(DataKey key) {
    Keyring ring = keyring();
    SecretKey master = ring.keys().get(key.masterKeyId());
    if (master == null) {
      throw new IllegalStateException(
          "the data key is wrapped by master key '" + key.masterKeyId() + "', which is not in " + MASTER_KEYS
              + " (it has " + String.join(", ", ring.keys().keySet())
              + "): put it back, and remove a master key only after every data key was rewrapped");
    }
    byte[] wrapped = key.wrapped;
    if (wrapped.length != 1 + NONCE_BYTES + KEY_BYTES + TAG_BYTES) {
      throw new UndecryptableException("a wrapped data key has " + wrapped.length + " bytes, not " + (1 + NONCE_BYTES + KEY_BYTES + TAG_BYTES));
    }
    checkEnvelope(wrapped, KEY_BYTES, "wrapped data key");
    byte[] raw = null;
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(Cipher.DECRYPT_MODE, master, new GCMParameterSpec(TAG_BYTES * 8, wrapped, 1, NONCE_BYTES));
      cipher.updateAAD(wrapAad(key.masterKeyId()));
      raw = cipher.doFinal(wrapped, 1 + NONCE_BYTES, wrapped.length - 1 - NONCE_BYTES);
      return new SecretKeySpec(raw, "AES");
    } catch (AEADBadTagException e) {
      throw new UndecryptableException("a data key wrapped by master key '" + key.masterKeyId() + "' failed authentication (altered or mislabelled)", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    } finally {
      if (raw != null) {
        Arrays.fill(raw, (byte) 0);
      }
    }
  }

  private SecretKey cachedDataKey(DataKey key) {
    String cacheKey = key.cacheKey();
    SecretKey cached = dataKeys.get(cacheKey);
    if (cached == null) {
      cached = unwrap(key);
      dataKeys.put(cacheKey, cached);
    }
    return cached;
  }

  private static void checkEnvelope(byte[] sealed, int minPlaintext, String what) {
    if (sealed.length < 1 + NONCE_BYTES + minPlaintext + TAG_BYTES) {
      throw new UndecryptableException("the " + what + " is too short (" + sealed.length + " bytes) to be one");
    }
    if (sealed[0] != VERSION) {
      throw new UndecryptableException("the " + what + " has format version " + sealed[0] + "; this server reads version " + VERSION);
    }
  }

  private static byte[] messageAad(UUID conversationId, long sequence) {
    Objects.requireNonNull(conversationId, "conversationId");
    return ByteBuffer.allocate(1 + 16 + 8)
        .put(VERSION)
        .putLong(conversationId.getMostSignificantBits())
        .putLong(conversationId.getLeastSignificantBits())
        .putLong(sequence)
        .array();
  }

  private static byte[] wrapAad(String kid) {
    byte[] id = kid.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(1 + WRAP_CONTEXT.length + id.length).put(VERSION).put(WRAP_CONTEXT).put(id).array();
  }

  private Keyring keyring() {
    Keyring ring = keyring;
    if (ring == null) {
      synchronized (this) {
        ring = keyring;
        if (ring == null) {
          ring = Keyring.parse(masterKeys.orElse(null), masterKeyId.orElse(null));
          keyring = ring;
        }
      }
    }
    return ring;
  }

  /** The master keys by kid, and which one wraps new data keys. */
  record Keyring(Map<String, SecretKey> keys, String activeId, List<String> older) {
    private static final String HOW =
        "set " + MASTER_KEYS + " (environment: CHAT_MASTER_KEYS) to kid:base64(32 random bytes)[,kid:base64…],"
            + " e.g. from `openssl rand -base64 32`, and optionally " + MASTER_KEY_ID
            + " (CHAT_MASTER_KEY_ID) to the kid that wraps new keys";

    SecretKey active() {
      return keys.get(activeId);
    }

    /** Never puts key material in a message: errors name the entry by position and kid only. */
    static Keyring parse(String masterKeys, String masterKeyId) {
      if (masterKeys == null || masterKeys.isBlank()) {
        throw new IllegalStateException("chat encryption has no master key: " + HOW);
      }
      Map<String, SecretKey> keys = new LinkedHashMap<>();
      String[] entries = masterKeys.split(",");
      for (int i = 0; i < entries.length; i++) {
        String entry = entries[i].strip();
        int colon = entry.indexOf(':');
        String where = MASTER_KEYS + " entry " + (i + 1);
        if (colon < 0) {
          throw new IllegalStateException(where + " is not kid:base64: " + HOW);
        }
        String kid = entry.substring(0, colon).strip();
        if (!KID.matcher(kid).matches()) {
          throw new IllegalStateException(where + " has an invalid kid (1 to 32 of A-Z a-z 0-9 . _ -): " + HOW);
        }
        byte[] raw;
        try {
          raw = Base64.getDecoder().decode(entry.substring(colon + 1).strip());
        } catch (IllegalArgumentException e) {
          throw new IllegalStateException(where + " (kid '" + kid + "'): the key is not valid base64: " + HOW);
        }
        if (raw.length != KEY_BYTES) {
          throw new IllegalStateException(
              where + " (kid '" + kid + "'): the key is " + raw.length + " bytes, AES-256 needs exactly " + KEY_BYTES + ": " + HOW);
        }
        if (keys.put(kid, new SecretKeySpec(raw, "AES")) != null) {
          throw new IllegalStateException(MASTER_KEYS + " lists kid '" + kid + "' twice");
        }
        Arrays.fill(raw, (byte) 0);
      }
      String active = masterKeyId == null || masterKeyId.isBlank() ? keys.keySet().iterator().next() : masterKeyId.strip();
      if (!keys.containsKey(active)) {
        throw new IllegalStateException(
            MASTER_KEY_ID + " is '" + active + "', which is not among the kids of " + MASTER_KEYS + " ("
                + String.join(", ", keys.keySet()) + ")");
      }
      List<String> listed = List.copyOf(keys.keySet());
      return new Keyring(Map.copyOf(keys), active, listed.subList(listed.indexOf(active) + 1, listed.size()));
    }
  }
}
