package app.dating.identity.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Access tokens verify against every key of the JWKS, parsed once: tokens signed before a key
 * rotation still verify, and a key published while the server runs is picked up by its kid.
 */
class AccessTokensVerifyTest {
  @TempDir Path dir;

  @Test
  void verifiesAcrossARotationAndRefusesStrangers() throws Exception {
    rotate();
    AccessTokens before = tokens();
    String old = before.issue(UUID.randomUUID(), List.of("USER"), UUID.randomUUID()).accessToken();
    assertTrue(before.verify(old).isPresent());
    assertEquals(Set.of("USER"), before.verify(old).orElseThrow().groups());

    rotate(); // a new signing key; the old public key stays in the JWKS
    AccessTokens after = tokens(); // the restarted server
    String fresh = after.issue(UUID.randomUUID(), List.of("USER"), UUID.randomUUID()).accessToken();
    assertTrue(after.verify(old).isPresent(), "signed before the rotation, still valid");
    assertTrue(after.verify(fresh).isPresent());
    assertTrue(
        before.verify(fresh).isPresent(),
        "a running server reads the new key from the changed JWKS");

    assertTrue(
        after.verify(fresh.substring(0, fresh.length() - 4) + "AAAA").isEmpty(), "bad signature");
    assertTrue(after.verify("not a token").isEmpty());
    AccessTokens otherAudience = tokens();
    otherAudience.audience = "someone-else";
    otherAudience.load();
    assertTrue(otherAudience.verify(fresh).isEmpty(), "wrong audience");
  }

  @Test
  void aTokenVerifiedOnceIsRememberedUntilItExpiresAndOnlyThatVeryToken() throws Exception {
    rotate();
    AccessTokens tokens = tokens();
    String token =
        tokens.issue(UUID.randomUUID(), List.of("USER"), UUID.randomUUID()).accessToken();
    assertTrue(tokens.verify(token).isPresent());
    assertTrue(tokens.verify(token).isPresent(), "the second time from memory");
    assertTrue(
        tokens.verify(token.substring(0, token.length() - 4) + "AAAA").isEmpty(),
        "another signature is verified, and fails");

    // Past its expiry (and the processor's clock skew of 60 s), the remembered token is refused
    // too.
    tokens.clock = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(15).plusSeconds(61));
    assertTrue(tokens.verify(token).isEmpty(), "expired");
    // (exp has whole seconds, so it can lie up to a second before the issue time plus 15 minutes.)
    tokens.clock = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(15).plusSeconds(50));
    assertTrue(tokens.verify(token).isPresent(), "within the clock skew the processor allows");
  }

  /**
   * Nimbus decodes base64url leniently: characters it does not expect are skipped, and the unused
   * bits of a part's last character ignored, so a token verified in endless spellings (each a new
   * entry of the cache). Only the spelling it was issued in verifies now.
   */
  @Test
  void aTokenVerifiesOnlyAsItWasIssued() throws Exception {
    rotate();
    AccessTokens tokens = tokens();
    String token =
        tokens.issue(UUID.randomUUID(), List.of("USER"), UUID.randomUUID()).accessToken();
    assertTrue(AccessTokens.isStrictCompact(token), token);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    char last = token.charAt(token.length() - 1);
    int signature = token.lastIndexOf('.') + 1;
    List<String> respelled =
        List.of(
            token + "~",
            token + "=",
            token + "==",
            token.substring(0, signature + 5) + "!" + token.substring(signature + 5),
            token.substring(0, signature + 5) + " " + token.substring(signature + 5),
            token.substring(0, signature + 5) + "\n" + token.substring(signature + 5),
            token.substring(0, token.length() - 1) + alphabet.charAt(alphabet.indexOf(last) ^ 1),
            token.substring(0, token.length() - 1) + alphabet.charAt(alphabet.indexOf(last) ^ 8),
            token + "!".repeat(AccessTokens.MAX_CHARS),
            token.replace('-', '+').replace('_', '/'));
    for (String other : respelled) {
      if (!other.equals(token)) {
        assertFalse(AccessTokens.isStrictCompact(other), other);
        assertTrue(tokens.verify(other).isEmpty(), "respelled: " + other);
      }
    }
    assertTrue(tokens.verify(token).isPresent());
    assertEquals(
        AccessTokens.estimatedBytes(token), tokens.verifiedBytes(), "one entry, one token");
  }

  @Test
  void strictCompactIsThreeCanonicalBase64UrlParts() {
    assertTrue(AccessTokens.isStrictCompact("eyJ9.e30.AA"));
    assertTrue(AccessTokens.isStrictCompact("abcd.efgh.ijkl"));
    assertTrue(
        AccessTokens.isStrictCompact("abc.efw.Ag")); // 'w' and 'g' leave the unused bits zero
    for (String wrong :
        List.of(
            "",
            "abc",
            "abc.def",
            "a.b.c.d",
            "abc.def.",
            ".def.ghi",
            "abc..ghi",
            "abcde.fgh.ijk", // a length of 1 modulo 4 is no whole byte
            "abc.efx.Ag", // unused bits set
            "abc.efw.Ah",
            "abc.efw.Ag=",
            "abc.ef+.Ag",
            "abc.ef/.Ag",
            "abc.efw.A g",
            "ab\u00e9.efw.Ag")) {
      assertFalse(AccessTokens.isStrictCompact(wrong), wrong);
    }
    assertFalse(AccessTokens.isStrictCompact(null));
    assertTrue(AccessTokens.isStrictCompact("a".repeat(2044) + "." + "b".repeat(2048) + ".AA"));
    assertFalse(
        AccessTokens.isStrictCompact("a".repeat(2044) + "." + "b".repeat(2048) + ".AAA"),
        "too long");
  }

  /** Tokens remembered as verified take at most the configured bytes; the others verify again. */
  @Test
  void theRememberedTokensStayWithinTheirBytes() throws Exception {
    rotate();
    AccessTokens tokens = tokens();
    tokens.verifiedCacheBytes = 64 * 1024;
    List<String> issued = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      String token =
          tokens.issue(UUID.randomUUID(), List.of("USER"), UUID.randomUUID()).accessToken();
      issued.add(token);
      assertTrue(tokens.verify(token).isPresent());
      assertTrue(
          tokens.verifiedBytes() <= 64 * 1024, "after " + (i + 1) + ": " + tokens.verifiedBytes());
    }
    assertTrue(tokens.verifiedBytes() >= 32 * 1024, "still in use: " + tokens.verifiedBytes());
    assertTrue(
        issued.stream().allMatch(t -> tokens.verify(t).isPresent()), "forgotten ones verify again");
  }

  private AccessTokens tokens() {
    AccessTokens tokens = new AccessTokens();
    tokens.issuer = "dating-platform";
    tokens.audience = "dating-api";
    tokens.lifetime = Duration.ofMinutes(15);
    tokens.signingKeyFile = dir.resolve("signing-key.pem").toString();
    tokens.jwksFile = dir.resolve("jwks.json").toString();
    tokens.clock = Clock.systemUTC();
    tokens.verifiedCacheBytes = 1 << 20;
    tokens.load();
    return tokens;
  }

  /** What the tools' {@code jwt-keys --rotate true} does: a new key first, the older ones kept. */
  private void rotate() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair pair = generator.generateKeyPair();
    RSAKey key =
        new RSAKey.Builder((RSAPublicKey) pair.getPublic())
            .algorithm(JWSAlgorithm.RS256)
            .keyIDFromThumbprint()
            .build();
    Path jwks = dir.resolve("jwks.json");
    List<JWK> keys = new ArrayList<>(List.of(key));
    if (Files.exists(jwks)) {
      keys.addAll(JWKSet.load(jwks.toFile()).getKeys());
    }
    Files.writeString(
        dir.resolve("signing-key.pem"),
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n");
    long previous = Files.exists(jwks) ? Files.getLastModifiedTime(jwks).toMillis() : 0;
    Files.writeString(jwks, new JWKSet(keys).toString(true));
    Files.setLastModifiedTime(
        jwks, FileTime.fromMillis(Math.max(System.currentTimeMillis(), previous + 2000)));
  }
}
