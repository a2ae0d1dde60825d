package app.dating.identity.boundary;

import app.dating.identity.control.AccessTokens;
import app.dating.identity.control.Revocations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What the WARs need of access tokens, so they use no control class: verify one (signature by the
 * published keys, issuer, audience, expiry), tell whether one was ended before it expired (logout,
 * password change, deletion: {@link Revocations}), and the public keys that verify them. On every
 * request's path, so no transaction: nothing here touches the database.
 */
@ApplicationScoped
public class AccessTokenChecks {
  /** The claim with the issue time in milliseconds ({@code iat} has whole seconds only). */
  public static final String ISSUED_AT_MILLIS = AccessTokens.ISSUED_AT_MILLIS;

  @Inject AccessTokens tokens;

  @Inject Revocations revocations;

  /**
   * The claims of a token that verifies (for MicroProfile JWT's identity store); empty when it does
   * not.
   */
  public Optional<Map<String, Object>> verifiedClaims(String token) {
    return tokens.verifiedClaims(token);
  }

  /**
   * Whether a token is spelled as a strict compact JWS of a bounded size, the only spelling tokens
   * are issued in ({@link AccessTokens#isStrictCompact}): MicroProfile JWT's own verifier accepts
   * others, which decode to the same token.
   */
  public boolean isStrictCompact(String token) {
    return AccessTokens.isStrictCompact(token);
  }

  /**
   * What a token that verifies says (for the chat socket, where no JAX-RS filter runs); empty when
   * it does not.
   */
  public Optional<VerifiedToken> verify(String token) {
    return tokens.verify(token);
  }

  /** Whether a verified token's session or account was ended after it was issued. */
  public boolean isRevoked(VerifiedToken token) {
    return revocations.isRevoked(token.subject(), token.sessionId(), token.issuedAt());
  }

  /**
   * Whether a token MicroProfile JWT verified was ended after it was issued, by its claims: {@code
   * sub}, {@code sid} (may be null), {@value #ISSUED_AT_MILLIS} (a number, a JSON-P number or null)
   * and {@code iat}.
   */
  public boolean isRevoked(
      UUID subject, UUID sessionId, Object issuedAtMillisClaim, long issuedAtSeconds) {
    return revocations.isRevoked(
        subject, sessionId, AccessTokens.issuedAt(issuedAtMillisClaim, issuedAtSeconds));
  }

  /** The public verification keys, as a JWKS document. */
  public Map<String, Object> jwks() {
    return tokens.jwks();
  }
}
