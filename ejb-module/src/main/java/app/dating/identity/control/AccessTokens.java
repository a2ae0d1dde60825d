package app.dating.identity.control;

import app.dating.identity.boundary.VerifiedToken;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Issues the short-lived access tokens (RS256 JWTs) that MicroProfile JWT verifies on every
 * protected resource, and publishes the verification keys as a JWKS. The signing key is read from
 * {@code jwt.signing-key-file} (PKCS#8 PEM); the published set from {@code jwt.jwks-file} holds it
 * and the keys being retired, so tokens signed before a rotation stay valid until they expire.
 */
@ApplicationScoped
public class AccessTokens {
  @Inject
  @ConfigProperty(name = "jwt.issuer", defaultValue = "dating-platform")
  String issuer;

  @Inject
  @ConfigProperty(name = "jwt.audience", defaultValue = "dating-api")
  String audience;

  @Inject
  @ConfigProperty(name = "jwt.access-token-lifetime", defaultValue = "PT15M")
  Duration lifetime;

  @Inject
  @ConfigProperty(name = "jwt.signing-key-file")
  String signingKeyFile;

  @Inject
  @ConfigProperty(name = "jwt.jwks-file")
  String jwksFile;

  @Inject Clock clock;

  /**
   * Issue time in milliseconds: {@code iat} has whole seconds only, which cannot tell a token
   * revoked in one second from the token a refresh issues in the same second (see Revocations).
   */
  public static final String ISSUED_AT_MILLIS = "iat_ms";

  /** The longest token verified, in characters: ours have about 900. */
  public static final int MAX_CHARS = 4096;

  /**
   * What one remembered token costs, estimated from its length: the map entry, the digest and the
   * claims set (strings and collections), a little less than {@code 256 + 4 * length} bytes for
   * ours (about 2 KiB for a token of 900 characters).
   */
  static long estimatedBytes(String token) {
    return 256 + 4L * token.length();
  }

  /**
   * Memory for tokens remembered as verified, in bytes (estimated: {@link #estimatedBytes}); 0
   * remembers none.
   */
  @Inject
  @ConfigProperty(name = "jwt.verified-cache-bytes", defaultValue = "33554432")
  long verifiedCacheBytes;

  private RSAKey signingKey;
  private RSASSASigner signer;
  private volatile JWKSet published;
  private volatile long publishedModified;
  private volatile long lastReload;
  private DefaultJWTProcessor<SecurityContext> processor;
  private final Map<Digest, Verified> verified = new ConcurrentHashMap<>();
  private final AtomicLong verifiedBytes = new AtomicLong();

  /** The SHA-256 of a token's text, as four numbers (48 bytes on the heap). */
  private record Digest(long a, long b, long c, long d) {
    static Digest of(String token) {
      try {
        ByteBuffer hash =
            ByteBuffer.wrap(
                MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        return new Digest(hash.getLong(), hash.getLong(), hash.getLong(), hash.getLong());
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** A token remembered as verified: its claims, and what it costs in memory. */
  private record Verified(JWTClaimsSet claims, long bytes) {}

  /** A signed access token and how long it lives. */
  public record IssuedToken(String accessToken, String tokenType, long expiresIn) {}

  @PostConstruct
  void load() {
    try {
      signingKey = signingKey(Files.readString(Path.of(signingKeyFile)));
      signer = new RSASSASigner(signingKey);
      publishedModified = Files.getLastModifiedTime(Path.of(jwksFile)).toMillis();
      published = JWKSet.load(Path.of(jwksFile).toFile()).toPublicJWKSet();
      if (published.getKeyByKeyId(signingKey.getKeyID()) == null) {
        throw new IllegalStateException(
            "the JWKS in " + jwksFile + " lacks the signing key " + signingKey.getKeyID());
      }
      // One processor for every token (it is thread-safe once configured): the keys are parsed
      // once,
      // not per request; an unknown kid re-reads the JWKS file when it changed (see
      // reloadIfChanged).
      processor = new DefaultJWTProcessor<>();
      processor.setJWSKeySelector(
          new JWSVerificationKeySelector<>(
              JWSAlgorithm.RS256,
              (selector, context) -> {
                List<com.nimbusds.jose.jwk.JWK> found = selector.select(published);
                return found.isEmpty() && reloadIfChanged() ? selector.select(published) : found;
              }));
      processor.setJWTClaimsSetVerifier(
          new DefaultJWTClaimsVerifier<>(
              audience,
              new JWTClaimsSet.Builder().issuer(issuer).build(),
              Set.of("sub", "exp", "iat")));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the JWT keys", e);
    } catch (ParseException | GeneralSecurityException | JOSEException e) {
      throw new IllegalStateException("invalid JWT keys", e);
    }
  }

  /**
   * An access token for {@code subject} in the sign-in session {@code sessionId} (claim {@code
   * sid}).
   */
  public IssuedToken issue(UUID subject, Collection<String> groups, UUID sessionId) {
    Instant now = clock.instant();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .audience(audience)
            .subject(subject.toString())
            .claim("upn", subject.toString())
            .claim("groups", List.copyOf(groups))
            .claim("sid", sessionId.toString())
            .claim(ISSUED_AT_MILLIS, now.toEpochMilli())
            .jwtID(UUID.randomUUID().toString())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(lifetime)))
            .build();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(JOSEObjectType.JWT)
                .keyID(signingKey.getKeyID())
                .build(),
            claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign an access token", e);
    }
    return new IssuedToken(jwt.serialize(), "Bearer", lifetime.toSeconds());
  }

  /**
   * When a token was issued, to the millisecond: its {@value #ISSUED_AT_MILLIS} claim (a number, or
   * a JSON-P number as MicroProfile JWT gives it), or else the end of its {@code iat} second, so a
   * revocation in that second covers it.
   */
  public static Instant issuedAt(Object millisClaim, long iatSeconds) {
    if (millisClaim instanceof Number number) {
      return Instant.ofEpochMilli(number.longValue());
    }
    if (millisClaim instanceof jakarta.json.JsonNumber number) {
      return Instant.ofEpochMilli(number.longValue());
    }
    return Instant.ofEpochSecond(iatSeconds).plusMillis(999);
  }

  /**
   * Verifies an access token as MicroProfile JWT does on the API (signature against the published
   * keys, RS256 only, issuer, audience, expiry): for the WebSocket endpoint, where no JAX-RS filter
   * runs. Revocations are the caller's to check.
   */
  public Optional<VerifiedToken> verify(String token) {
    return verifiedToken(token)
        .flatMap(
            claims -> {
              try {
                Instant issued =
                    issuedAt(
                        claims.getClaim(ISSUED_AT_MILLIS),
                        claims.getIssueTime().toInstant().getEpochSecond());
                String sid = claims.getStringClaim("sid");
                List<String> groups = claims.getStringListClaim("groups");
                return Optional.of(
                    new VerifiedToken(
                        UUID.fromString(claims.getSubject()),
                        sid == null ? null : UUID.fromString(sid),
                        groups == null ? Set.of() : Set.copyOf(groups),
                        issued,
                        claims.getExpirationTime().toInstant()));
              } catch (ParseException | IllegalArgumentException e) {
                return Optional.empty();
              }
            });
  }

  /**
   * The claims of an access token that verifies (signature against the published keys, RS256 only,
   * issuer, audience, expiry), or empty: what the API's identity store ({@code AccessTokenStore})
   * and the WebSocket endpoint accept.
   */
  public Optional<Map<String, Object>> verifiedClaims(String token) {
    return verifiedToken(token).map(JWTClaimsSet::getClaims);
  }

  /**
   * Whether a token is spelled as a strict compact JWS (RFC 7515): three base64url parts without
   * padding, each in its one canonical spelling (no characters outside the alphabet, the unused
   * bits of a part's last character zero), at most {@value #MAX_CHARS} characters. Nimbus decodes
   * leniently (it skips characters it does not expect, and ignores unused bits), so one token
   * verifies in endless spellings; only the spelling it was issued in is accepted.
   */
  public static boolean isStrictCompact(String token) {
    if (token == null || token.isEmpty() || token.length() > MAX_CHARS) {
      return false;
    }
    int parts = 1;
    int partLength = 0;
    int last = 0;
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c == '.') {
        if (!canonicalEnd(partLength, last)) {
          return false;
        }
        parts++;
        partLength = 0;
        continue;
      }
      last = base64url(c);
      if (last < 0) {
        return false;
      }
      partLength++;
    }
    return parts == 3 && canonicalEnd(partLength, last);
  }

  /**
   * A base64url part of this length, ending in the character of this value, is the only spelling of
   * its bytes: not empty, a length that ends on whole bytes (never 1 modulo 4), unused bits zero.
   */
  private static boolean canonicalEnd(int length, int lastValue) {
    int unusedBits =
        switch (length % 4) {
          case 0 -> 0;
          case 2 -> 4;
          case 3 -> 2;
          default -> -1;
        };
    return length > 0 && unusedBits >= 0 && (lastValue & ((1 << unusedBits) - 1)) == 0;
  }

  /** The value of a base64url character, or -1. */
  private static int base64url(char c) {
    if (c >= 'A' && c <= 'Z') {
      return c - 'A';
    }
    if (c >= 'a' && c <= 'z') {
      return c - 'a' + 26;
    }
    if (c >= '0' && c <= '9') {
      return c - '0' + 52;
    }
    return c == '-' ? 62 : c == '_' ? 63 : -1;
  }

  /**
   * A token seen before is not verified again until it expires: a client sends the same token with
   * every request for its lifetime, and checking its RSA signature was a tenth of a swipe's CPU.
   * Only strict compact tokens are looked at ({@link #isStrictCompact}), so a token has one
   * spelling and one entry, under the SHA-256 of its text: only the very token that verified
   * matches. Its expiry is checked on every use, as the processor checks it (with the same clock
   * skew).
   */
  private Optional<JWTClaimsSet> verifiedToken(String token) {
    if (!isStrictCompact(token)) {
      return Optional.empty();
    }
    Digest digest = Digest.of(token);
    Verified known = verified.get(digest);
    if (known != null) {
      return stillUnexpired(known.claims()) ? Optional.of(known.claims()) : Optional.empty();
    }
    try {
      JWTClaimsSet claims = processor.process(token, null);
      remember(digest, new Verified(claims, estimatedBytes(token)));
      return Optional.of(claims);
    } catch (ParseException | BadJOSEException | JOSEException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private boolean stillUnexpired(JWTClaimsSet claims) {
    Instant expiry =
        claims
            .getExpirationTime()
            .toInstant()
            .plusSeconds(DefaultJWTClaimsVerifier.DEFAULT_MAX_CLOCK_SKEW_SECONDS);
    return clock.instant().isBefore(expiry);
  }

  /**
   * Bounded by {@code jwt.verified-cache-bytes}: when a token would not fit, the expired ones go,
   * and if that is not enough, others until a quarter of the room is free (tokens that go are
   * verified again at their next use).
   */
  private void remember(Digest digest, Verified token) {
    if (verifiedBytes.get() + token.bytes() > verifiedCacheBytes) {
      makeRoom(token.bytes());
      if (verifiedBytes.get() + token.bytes() > verifiedCacheBytes) {
        return;
      }
    }
    if (verified.putIfAbsent(digest, token) == null) {
      verifiedBytes.addAndGet(token.bytes());
    }
  }

  private synchronized void makeRoom(long needed) {
    if (verifiedBytes.get() + needed <= verifiedCacheBytes) {
      return; // another thread made room
    }
    verified.forEach(
        (digest, token) -> {
          if (!stillUnexpired(token.claims())) {
            forget(digest, token);
          }
        });
    long target = verifiedCacheBytes * 3 / 4 - needed;
    for (Map.Entry<Digest, Verified> entry : verified.entrySet()) {
      if (verifiedBytes.get() <= target) {
        break;
      }
      forget(entry.getKey(), entry.getValue());
    }
  }

  private void forget(Digest digest, Verified token) {
    if (verified.remove(digest, token)) {
      verifiedBytes.addAndGet(-token.bytes());
    }
  }

  /** Memory the tokens remembered as verified take, as estimated. */
  long verifiedBytes() {
    return verifiedBytes.get();
  }

  /**
   * Re-reads the JWKS file when it changed since it was read (at most once a second), so a key
   * published by a rotation verifies without a restart, as MicroProfile JWT's own key cache did.
   */
  private boolean reloadIfChanged() {
    long now = System.currentTimeMillis();
    if (now - lastReload < 1000) {
      return false;
    }
    synchronized (this) {
      lastReload = now;
      try {
        long modified = Files.getLastModifiedTime(Path.of(jwksFile)).toMillis();
        if (modified == publishedModified) {
          return false;
        }
        published = JWKSet.load(Path.of(jwksFile).toFile()).toPublicJWKSet();
        publishedModified = modified;
        return true;
      } catch (IOException | ParseException e) {
        return false;
      }
    }
  }

  /** The public verification keys, as a JWKS document. */
  public Map<String, Object> jwks() {
    return published.toJSONObject(true);
  }

  /** The RSA key of a PKCS#8 PEM, with its public half and a thumbprint key id (RFC 7638). */
  public static RSAKey signingKey(String pem) throws GeneralSecurityException, JOSEException {
    String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    KeyFactory rsa = KeyFactory.getInstance("RSA");
    RSAPrivateCrtKey key =
        (RSAPrivateCrtKey)
            rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    RSAPublicKey publicKey =
        (RSAPublicKey)
            rsa.generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
    return new RSAKey.Builder(publicKey)
        .privateKey(key)
        .algorithm(JWSAlgorithm.RS256)
        .keyIDFromThumbprint()
        .build();
  }
}
