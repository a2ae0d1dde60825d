package app.dating.identity.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Opaque secrets handed to people (refresh tokens, email links): 256 random bits, base64url, and
 * stored only as their SHA-256 (a fast hash suffices for values no one can guess).
 */
public final class SecretTokens {
  /** Length of a token in base64url characters. */
  public static final int LENGTH = 43;

  private static final SecureRandom RANDOM = new SecureRandom();

  private SecretTokens() {}

  public static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static boolean looksLikeToken(String value) {
    return value != null && value.length() == LENGTH;
  }
}
