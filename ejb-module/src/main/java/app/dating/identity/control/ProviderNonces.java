package app.dating.identity.control;

import static java.nio.charset.StandardCharsets.UTF_8;

import app.dating.cache.boundary.SharedCache;
import app.dating.identity.entity.IdentityProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Nonces the server issues for an app's sign-in with a provider's ID token (OpenID Connect Core
 * 3.1.2.1, 15.5.2): the app asks for one, hands it to the provider's SDK, and the ID token carries
 * it back. A token whose nonce the server did not issue, for this provider, within {@link
 * #LIFETIME}, or that was used already, is refused: a token taken from another app, a log or an
 * earlier sign-in cannot be replayed.
 *
 * <p>Kept in the shared cache (so any instance may issue and another consume) under the nonce's
 * SHA-256 only, with the lifetime as time-to-live. A sign-in checks it ({@link #isLive}) while the
 * token is verified and spends it ({@link #spend}, an atomic read-and-delete) once the sign-in
 * succeeded: a sign-in refused for a missing birth date can be sent again with the same token, and
 * of two requests with one token only one signs in.
 *
 * <p>Sign in with Apple (and Firebase's clients) hand the provider the SHA-256 of the nonce, in
 * hex, and keep the nonce itself: an app that does so sends the nonce beside the token, and the
 * token's claim is then its hash.
 */
@ApplicationScoped
public class ProviderNonces {
  /** How long an issued nonce may wait for its token. */
  public static final Duration LIFETIME = Duration.ofMinutes(10);

  private static final String PREFIX = "oidc-nonce:";

  @Inject SharedCache cache;

  public ProviderNonces() {}

  ProviderNonces(SharedCache cache) {
    this.cache = cache;
  }

  /** A new nonce for a sign-in with {@code provider}: 256 random bits, base64url. */
  public String issue(IdentityProvider provider) {
    String nonce = SecretTokens.newToken();
    cache.put(key(provider, nonce), "1", LIFETIME);
    return nonce;
  }

  /**
   * Whether the nonce a verified ID token carries ({@code claim}) may sign in, without spending it;
   * {@code sent} is the nonce the app sent beside the token, or null. True when the claim is a
   * nonce issued for {@code provider} and not yet spent, or when {@code sent} is such a nonce and
   * the claim its SHA-256 in hex. A claim that is neither (also none at all) is refused.
   */
  public boolean isLive(IdentityProvider provider, String claim, String sent) {
    return issued(provider, claim, sent).flatMap(cache::get).isPresent();
  }

  /**
   * Spends the nonce, once: true for the one caller that spends a live nonce ({@link #isLive}),
   * false for every other (and for a nonce that was never live).
   */
  public boolean spend(IdentityProvider provider, String claim, String sent) {
    return issued(provider, claim, sent).flatMap(cache::take).isPresent();
  }

  /** The cache key of the nonce the claim stands for, when claim and sent nonce agree. */
  private static Optional<String> issued(IdentityProvider provider, String claim, String sent) {
    Objects.requireNonNull(provider, "provider");
    if (claim == null || claim.isBlank()) {
      return Optional.empty();
    }
    String nonce = claim;
    if (sent != null && !sent.isBlank()) {
      boolean same = MessageDigest.isEqual(claim.getBytes(UTF_8), sent.getBytes(UTF_8));
      boolean hashed =
          MessageDigest.isEqual(
              claim.toLowerCase(Locale.ROOT).getBytes(UTF_8),
              SecretTokens.hash(sent).getBytes(UTF_8)); // SHA-256 in hex
      if (!same && !hashed) {
        return Optional.empty();
      }
      nonce = sent;
    }
    return SecretTokens.looksLikeToken(nonce)
        ? Optional.of(key(provider, nonce))
        : Optional.empty();
  }

  private static String key(IdentityProvider provider, String nonce) {
    return PREFIX + provider.name() + ":" + SecretTokens.hash(nonce);
  }
}
