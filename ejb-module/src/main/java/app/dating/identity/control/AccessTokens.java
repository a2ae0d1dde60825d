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
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
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

  /** Tokens remembered as verified (about 2 KiB each). */
  static final int VERIFIED_MAX = 20_000;

  private RSAKey signingKey;
  private RSASSASigner signer;
  private volatile JWKSet published;
  private volatile long publishedModified;
  private volatile long lastReload;
  private DefaultJWTProcessor<SecurityContext> processor;
  private final Map<String, JWTClaimsSet> verified = new ConcurrentHashMap<>();

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
   * A token seen before is not verified again until it expires: a client sends the same token with
   * every request for its lifetime, and checking its RSA signature was a tenth of a swipe's CPU.
   * The key is the whole token, signature included, so only the very token that verified matches;
   * its expiry is checked on every use, as the processor checks it (with the same clock skew).
   */
  private Optional<JWTClaimsSet> verifiedToken(String token) {
    if (token == null || token.length() > 8192) {
      return Optional.empty();
    }
    JWTClaimsSet known = verified.get(token);
    if (known != null) {
      return stillUnexpired(known) ? Optional.of(known) : Optional.empty();
    }
    try {
      JWTClaimsSet claims = processor.process(token, null);
      remember(token, claims);
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
   * Bounded: past {@link #VERIFIED_MAX} tokens the expired ones go, and if that is not enough, all.
   */
  private void remember(String token, JWTClaimsSet claims) {
    if (verified.size() >= VERIFIED_MAX) {
      verified.values().removeIf(c -> !stillUnexpired(c));
      if (verified.size() >= VERIFIED_MAX) {
        verified.clear();
      }
    }
    verified.put(token, claims);
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
