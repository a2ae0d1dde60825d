package app.dating.identity.control;

import app.dating.identity.boundary.AccessTokenChecks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Verifies the access tokens that MicroProfile JWT takes from {@code Authorization: Bearer}, before
 * Payara's own identity store does (a lower priority number goes first). Payara's store re-reads
 * the JWKS and rebuilds the RSA key on every request (it tries the text as PEM, which throws, then
 * parses it as JSON): a fifth of a swipe's CPU. This one verifies with the keys parsed once ({@link
 * AccessTokenChecks#verifiedClaims}), all of the JWKS's keys by {@code kid}, so tokens signed
 * before a key rotation still verify. MicroProfile JWT stays the authentication mechanism: it reads
 * the header, answers 401 and logs the caller in with the principal this store returns, which is a
 * {@link org.eclipse.microprofile.jwt.JsonWebToken} as before.
 *
 * <p>A token this store refuses is passed on to Payara's store, which refuses it too: both check
 * signature, issuer, audience and expiry against the same JWKS. (Payara's decoder also accepts a
 * token respelled, which this store refuses: {@link RevokedTokens} refuses it then.) If a Payara
 * release renames the credential's getter, every token goes to Payara's store: slower, still
 * correct, logged once.
 */
@ApplicationScoped
public class AccessTokenStore implements IdentityStore {
  /** Payara's credential type; read by reflection, as it is not part of an API. */
  static final String CREDENTIAL =
      "fish.payara.microprofile.jwtauth.eesecurity.SignedJWTCredential";

  private static final ConcurrentHashMap<Class<?>, MethodHandle> TOKEN_GETTERS =
      new ConcurrentHashMap<>();
  private static final AtomicBoolean FALLBACK_LOGGED = new AtomicBoolean();
  private static final Logger LOG = Logger.getLogger(AccessTokenStore.class.getName());

  @Inject AccessTokenChecks tokens;

  @Override
  public CredentialValidationResult validate(Credential credential) {
    String token = token(credential);
    if (token == null) {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    return tokens
        .verifiedClaims(token)
        .map(claims -> new AccessTokenPrincipal(token, claims))
        .map(principal -> new CredentialValidationResult(principal, principal.getGroups()))
        .orElse(CredentialValidationResult.INVALID_RESULT);
  }

  @Override
  public int priority() {
    return 10;
  }

  @Override
  public Set<ValidationType> validationTypes() {
    return DEFAULT_VALIDATION_TYPES;
  }

  static String token(Credential credential) {
    if (credential == null || !CREDENTIAL.equals(credential.getClass().getName())) {
      return null;
    }
    try {
      return (String)
          TOKEN_GETTERS
              .computeIfAbsent(credential.getClass(), AccessTokenStore::getter)
              .invoke(credential);
    } catch (Throwable e) {
      if (FALLBACK_LOGGED.compareAndSet(false, true)) {
        LOG.log(
            Level.WARNING,
            "Cannot read the token of Payara's "
                + CREDENTIAL
                + "; Payara's own (slower) identity store"
                + " verifies access tokens from now on. Logged once.",
            e);
      }
      return null;
    }
  }

  private static MethodHandle getter(Class<?> type) {
    try {
      return MethodHandles.publicLookup()
          .findVirtual(type, "getSignedJWT", MethodType.methodType(String.class));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Payara's " + CREDENTIAL + " has no getSignedJWT()", e);
    }
  }
}
