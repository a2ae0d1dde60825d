package app.dating.identity.control;

import static app.dating.identity.entity.IdentityProvider.APPLE;
import static app.dating.identity.entity.IdentityProvider.FACEBOOK;
import static app.dating.identity.entity.IdentityProvider.GOOGLE;
import static java.nio.charset.StandardCharsets.UTF_8;

import app.dating.identity.entity.IdentityProvider;
import app.dating.shared.problem.BusinessException;
import app.dating.shared.problem.ProblemType;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Verifies that a person signed in with Google, Apple or Facebook, and tells who they are.
 *
 * <p>An ID token (OpenID Connect; Facebook's Limited Login tokens too) is accepted only when
 *
 * <ul>
 *   <li>it is signed with RS256 or ES256 by a key of the provider's JWKS ({@code jwks-url}, cached,
 *       fetched again when a token names an unknown key id); unsigned ({@code none}) and HMAC
 *       tokens are refused;
 *   <li>{@code iss} is the provider's issuer and {@code aud} names one of our {@code client-ids};
 *   <li>{@code exp} is in the future, {@code iat} is present and not in the future, and {@code nbf}
 *       (when present) has passed, each with {@value #CLOCK_SKEW_SECONDS} seconds of clock skew;
 *   <li>a token for several audiences names one of our client ids as authorized party ({@code azp},
 *       OpenID Connect Core 3.1.3.7);
 *   <li>{@code sub} is present, and {@code nonce} is accepted: equal to the caller's when the
 *       caller gives one, or (an app's sign-in) a nonce the server issued and not yet spent ({@link
 *       ProviderNonces}).
 * </ul>
 *
 * A classic Facebook access token is accepted when the Graph API's {@code debug_token} says it is
 * valid, issued for our app and not expired; the profile then comes from {@code /me}. The web
 * sign-in is the authorization-code flow with PKCE (S256), {@code state} and {@code nonce}; the
 * code is redeemed with {@code client_secret_post} and the ID token returned is verified as above.
 *
 * <p>A refusal is a {@link BusinessException} of type {@link ProblemType#UNAUTHORIZED} whose
 * message does not say why (the reason is logged at FINE); a provider without {@code client-ids} is
 * {@link ProblemType#NOT_FOUND}; a provider that cannot be reached is {@link
 * ProblemType#UNAVAILABLE}.
 *
 * <p>Configuration (MicroProfile Config, read when a provider is first used), with {@code <p>} one
 * of {@code google}, {@code apple}, {@code facebook}: {@code auth.<p>.client-ids} (comma-separated;
 * the first is the web client; the provider is offered only when set), {@code auth.<p>.issuer}
 * (comma-separated), {@code auth.<p>.jwks-url}, {@code auth.<p>.authorization-url}, {@code
 * auth.<p>.token-url}, {@code auth.<p>.scope} (defaults: the real providers'), {@code
 * auth.<p>.client-secret} (for the code flow; Apple's is the signed client-secret JWT), and {@code
 * auth.facebook.graph-url}, {@code auth.facebook.app-id}, {@code auth.facebook.app-secret} for
 * classic Facebook tokens.
 */
@ApplicationScoped
public class ProviderTokens {
  private static final Logger LOG = Logger.getLogger(ProviderTokens.class.getName());

  static final long CLOCK_SKEW_SECONDS = 60;
  static final Duration CLOCK_SKEW = Duration.ofSeconds(CLOCK_SKEW_SECONDS);
  static final Duration TIMEOUT = Duration.ofSeconds(5);
  static final String DEFAULT_GRAPH_URL = "https://graph.facebook.com/v19.0";
  private static final Set<JWSAlgorithm> ALGORITHMS =
      Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);
  private static final int JWKS_SIZE_LIMIT = 256 * 1024;
  private static final String APPLE_RELAY_DOMAIN = "@privaterelay.appleid.com";

  /** Where to send the browser to sign in, and the secrets to keep until it comes back. */
  public record AuthorizationRequest(URI url, String state, String nonce, String codeVerifier) {}

  /** The real providers' endpoints, used unless configured otherwise. */
  private record Defaults(
      String issuer, String jwksUrl, String authorizationUrl, String tokenUrl, String scope) {}

  private static final Map<IdentityProvider, Defaults> DEFAULTS =
      Map.of(
          GOOGLE,
          new Defaults(
              "https://accounts.google.com,accounts.google.com", // Google's tokens carry either
              "https://www.googleapis.com/oauth2/v3/certs",
              "https://accounts.google.com/o/oauth2/v2/auth",
              "https://oauth2.googleapis.com/token",
              "openid email profile"),
          APPLE,
          new Defaults(
              "https://appleid.apple.com",
              "https://appleid.apple.com/auth/keys",
              "https://appleid.apple.com/auth/authorize",
              "https://appleid.apple.com/auth/token",
              "openid email name"),
          FACEBOOK,
          new Defaults(
              "https://www.facebook.com",
              "https://limited.facebook.com/.well-known/oauth/openid/jwks/",
              "https://www.facebook.com/v19.0/dialog/oauth",
              "https://graph.facebook.com/v19.0/oauth/access_token",
              "openid email public_profile"));

  /** One provider's settings and token verifier, made when the provider is first used. */
  private record Provider(
      List<String> issuers,
      List<String> clientIds,
      String authorizationUrl,
      URI tokenUrl,
      String scope,
      Optional<String> clientSecret,
      ConfigurableJWTProcessor<SecurityContext> verifier) {}

  /** One client for all instances, made on first use. */
  private static final class Http {
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  }

  @Inject Clock clock;

  Function<String, Optional<String>> config =
      key -> ConfigProvider.getConfig().getOptionalValue(key, String.class);

  private final SecureRandom random = new SecureRandom();
  private final Map<IdentityProvider, Provider> providers = new ConcurrentHashMap<>();

  public ProviderTokens() {}

  /** Without CDI: {@code config} looks a key up, as MicroProfile Config would. */
  ProviderTokens(Function<String, Optional<String>> config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  /** The person an ID token vouches for; {@code nonce}, when not null, must be the token's. */
  public ExternalIdentity verifyIdToken(IdentityProvider provider, String idToken, String nonce) {
    return verifyIdToken(provider, idToken, nonce, null);
  }

  /**
   * As {@link #verifyIdToken(IdentityProvider, String, String)}, with the name the app received
   * beside the token (Sign in with Apple gives it to the app on the first sign-in only), used when
   * the token carries none.
   */
  public ExternalIdentity verifyIdToken(
      IdentityProvider provider, String idToken, String nonce, String suppliedName) {
    return verifyIdTokenNonce(
        provider, idToken, claim -> nonce == null || sameSecret(nonce, claim), suppliedName);
  }

  /**
   * As {@link #verifyIdToken(IdentityProvider, String, String, String)}, with the token's {@code
   * nonce} claim (null when it has none) judged by {@code nonceAccepted}, last, once every other
   * check passed (so a server-issued nonce is spent only by a token that is otherwise good).
   */
  public ExternalIdentity verifyIdTokenNonce(
      IdentityProvider provider,
      String idToken,
      Predicate<String> nonceAccepted,
      String suppliedName) {
    Provider p = provider(provider);
    if (idToken == null || idToken.isBlank()) {
      throw refused(provider, "no ID token");
    }
    JWTClaimsSet claims;
    try {
      claims = p.verifier().process(JWTParser.parse(idToken.strip()), null);
    } catch (ParseException | BadJOSEException e) {
      throw refused(provider, "ID token rejected: " + e.getMessage());
    } catch (RateLimitReachedException e) {
      throw refused(
          provider, "unknown key id, and the JWKS was fetched too recently to fetch again");
    } catch (KeySourceException e) {
      throw unavailable(provider, e);
    } catch (JOSEException e) {
      throw refused(provider, "ID token not verifiable: " + e.getMessage());
    }
    String problem = claimsProblem(p, claims);
    if (problem != null) {
      throw refused(provider, problem);
    }
    if (!nonceAccepted.test(string(claims.getClaim("nonce")))) {
      throw refused(
          provider,
          claims.getClaim("nonce") == null ? "no nonce" : "a nonce not issued, or used already");
    }
    return identity(provider, claims).withSuppliedName(suppliedName);
  }

  /** The Facebook user a classic (Graph API) access token was issued to, for our app. */
  public ExternalIdentity verifyFacebookAccessToken(String accessToken) {
    String appId = setting(FACEBOOK, "app-id").orElseThrow(() -> notConfigured(FACEBOOK, "app-id"));
    String appSecret =
        setting(FACEBOOK, "app-secret").orElseThrow(() -> notConfigured(FACEBOOK, "app-secret"));
    String graph = withoutTrailingSlash(setting(FACEBOOK, "graph-url").orElse(DEFAULT_GRAPH_URL));
    if (accessToken == null || accessToken.isBlank()) {
      throw refused(FACEBOOK, "no access token");
    }
    String token = accessToken.strip();

    JsonObject debug =
        call(
            FACEBOOK,
            get(
                graph
                    + "/debug_token?"
                    + form(Map.of("input_token", token, "access_token", appId + "|" + appSecret))));
    JsonObject data = debug.get("data") instanceof JsonObject d ? d : JsonValue.EMPTY_JSON_OBJECT;
    if (!data.getBoolean("is_valid", false)) {
      throw refused(
          FACEBOOK, "debug_token: not valid " + data.getOrDefault("error", JsonValue.NULL));
    }
    if (!appId.equals(text(data, "app_id"))) {
      throw refused(FACEBOOK, "debug_token: issued for app " + text(data, "app_id"));
    }
    long expiresAt = data.get("expires_at") instanceof JsonNumber n ? n.longValue() : 0; // 0: never
    if (expiresAt != 0 && !clock.instant().isBefore(Instant.ofEpochSecond(expiresAt))) {
      throw refused(FACEBOOK, "debug_token: expired at " + Instant.ofEpochSecond(expiresAt));
    }
    String userId = text(data, "user_id");
    if (userId == null) {
      throw refused(FACEBOOK, "debug_token: no user_id (not a user token)");
    }

    Map<String, String> query = new LinkedHashMap<>();
    query.put("fields", "id,name,email");
    query.put("access_token", token);
    query.put("appsecret_proof", hmacSha256Hex(appSecret, token));
    JsonObject me = call(FACEBOOK, get(graph + "/me?" + form(query)));
    if (!userId.equals(text(me, "id"))) {
      throw refused(FACEBOOK, "/me answered for user " + text(me, "id") + ", not " + userId);
    }
    // Facebook does not say whether it verified the address.
    return new ExternalIdentity(
        FACEBOOK, userId, text(me, "email"), false, false, text(me, "name"));
  }

  /**
   * Starts the web sign-in: the provider's authorization URL for {@code redirectUri}, with a fresh
   * state, nonce and PKCE verifier (256 random bits each) that the caller keeps for {@link
   * #exchangeCode}. Apple answers with a form POST to {@code redirectUri} ({@code
   * response_mode=form_post}), the others with a redirect.
   */
  public AuthorizationRequest authorization(IdentityProvider provider, String redirectUri) {
    Objects.requireNonNull(redirectUri, "redirectUri");
    Provider p = provider(provider);
    String state = randomValue();
    String nonce = randomValue();
    String codeVerifier = randomValue();
    Map<String, String> query = new LinkedHashMap<>();
    query.put("response_type", "code");
    query.put("client_id", p.clientIds().get(0));
    query.put("redirect_uri", redirectUri);
    query.put("scope", p.scope());
    query.put("state", state);
    query.put("nonce", nonce);
    query.put("code_challenge", codeChallenge(codeVerifier));
    query.put("code_challenge_method", "S256");
    if (provider == APPLE) {
      query.put("response_mode", "form_post"); // Apple's rule when the scope asks for name or email
    }
    String separator = p.authorizationUrl().contains("?") ? "&" : "?";
    return new AuthorizationRequest(
        URI.create(p.authorizationUrl() + separator + form(query)), state, nonce, codeVerifier);
  }

  /**
   * Ends the web sign-in: redeems {@code code} at the provider's token endpoint with the PKCE
   * verifier, and verifies the ID token it returns, whose nonce must be {@code expectedNonce}. The
   * caller has already checked that the {@code state} that came back is the one it kept.
   */
  public ExternalIdentity exchangeCode(
      IdentityProvider provider,
      String code,
      String codeVerifier,
      String redirectUri,
      String expectedNonce) {
    if (expectedNonce == null || expectedNonce.isBlank()) {
      throw new IllegalArgumentException(
          "the code flow needs the nonce of its authorization request");
    }
    Objects.requireNonNull(redirectUri, "redirectUri");
    Provider p = provider(provider);
    if (code == null || code.isBlank() || codeVerifier == null || codeVerifier.isBlank()) {
      throw refused(provider, "no code or no code verifier");
    }
    String secret = p.clientSecret().orElseThrow(() -> notConfigured(provider, "client-secret"));
    Map<String, String> body = new LinkedHashMap<>();
    body.put("grant_type", "authorization_code");
    body.put("code", code.strip());
    body.put("redirect_uri", redirectUri);
    body.put("client_id", p.clientIds().get(0));
    body.put("client_secret", secret);
    body.put("code_verifier", codeVerifier);
    HttpRequest request =
        HttpRequest.newBuilder(p.tokenUrl())
            .timeout(TIMEOUT)
            .header("Accept", "application/json")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form(body)))
            .build();
    JsonObject tokens = call(provider, request);
    if (!(tokens.get("id_token") instanceof JsonString idToken)) {
      throw refused(provider, "the token endpoint returned no id_token");
    }
    return verifyIdToken(provider, idToken.getString(), expectedNonce);
  }

  /** Nothing when sign-in with {@code provider} is configured; else the not-found refusal. */
  public void requireOffered(IdentityProvider provider) {
    provider(provider);
  }

  private Provider provider(IdentityProvider id) {
    Objects.requireNonNull(id, "provider");
    return providers.computeIfAbsent(id, this::load);
  }

  private Provider load(IdentityProvider id) {
    List<String> clientIds = list(setting(id, "client-ids").orElse(""));
    if (clientIds.isEmpty()) {
      throw notConfigured(id, "client-ids");
    }
    Defaults defaults = DEFAULTS.get(id);
    String jwksUrl = setting(id, "jwks-url").orElse(defaults.jwksUrl());
    JWKSource<SecurityContext> keys;
    try {
      int timeout = (int) TIMEOUT.toMillis();
      keys =
          JWKSourceBuilder.<SecurityContext>create(
                  URI.create(jwksUrl).toURL(),
                  new DefaultResourceRetriever(timeout, timeout, JWKS_SIZE_LIMIT))
              .retrying(true)
              .build();
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "auth." + id.configKey() + ".jwks-url is not a URL: " + jwksUrl, e);
    }
    ConfigurableJWTProcessor<SecurityContext> verifier = new DefaultJWTProcessor<>();
    verifier.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
    verifier.setJWTClaimsSetVerifier(
        (claims, context) -> {}); // claimsProblem checks, with our clock
    return new Provider(
        list(setting(id, "issuer").orElse(defaults.issuer())),
        clientIds,
        setting(id, "authorization-url").orElse(defaults.authorizationUrl()),
        URI.create(setting(id, "token-url").orElse(defaults.tokenUrl())),
        setting(id, "scope").orElse(defaults.scope()),
        setting(id, "client-secret"),
        verifier);
  }

  /** Why the verified token's claims are not acceptable, or null when they are. */
  private String claimsProblem(Provider p, JWTClaimsSet claims) {
    Instant now = clock.instant();
    if (!p.issuers().contains(claims.getIssuer())) {
      return "issuer " + claims.getIssuer() + " is not " + p.issuers();
    }
    if (claims.getAudience().stream().noneMatch(p.clientIds()::contains)) {
      return "audience " + claims.getAudience() + " is not among " + p.clientIds();
    }
    // OpenID Connect Core 3.1.3.7: a token for several audiences must say which party it was
    // issued to, and that must be us; else another audience's client could pass it on.
    String authorizedParty = string(claims.getClaim("azp"));
    if (claims.getAudience().size() > 1
        && (authorizedParty == null || !p.clientIds().contains(authorizedParty))) {
      return "audience " + claims.getAudience() + " but authorized party " + authorizedParty;
    }
    Date expires = claims.getExpirationTime();
    if (expires == null || !now.isBefore(expires.toInstant().plus(CLOCK_SKEW))) {
      return "expired at " + instant(expires);
    }
    Date issued = claims.getIssueTime();
    if (issued == null || issued.toInstant().isAfter(now.plus(CLOCK_SKEW))) {
      return "issued at " + instant(issued);
    }
    Date notBefore = claims.getNotBeforeTime();
    if (notBefore != null && notBefore.toInstant().isAfter(now.plus(CLOCK_SKEW))) {
      return "not valid before " + instant(notBefore);
    }
    if (claims.getSubject() == null || claims.getSubject().isBlank()) {
      return "no subject";
    }
    return null;
  }

  private static ExternalIdentity identity(IdentityProvider provider, JWTClaimsSet claims) {
    String email = string(claims.getClaim("email"));
    boolean relay =
        provider == APPLE
            && (isTrue(claims.getClaim("is_private_email"))
                || email != null && email.toLowerCase(Locale.ROOT).endsWith(APPLE_RELAY_DOMAIN));
    // Google sends a boolean, Apple a boolean or the string "true", Facebook nothing.
    boolean verified = isTrue(claims.getClaim("email_verified"));
    return new ExternalIdentity(
        provider, claims.getSubject(), email, verified, relay, string(claims.getClaim("name")));
  }

  /**
   * Sends a request to a provider: its JSON answer, a refusal on 4xx, unavailable on failure or
   * 5xx.
   */
  private static JsonObject call(IdentityProvider provider, HttpRequest request) {
    String endpoint = request.uri().getPath(); // never the query: it holds tokens
    HttpResponse<String> response;
    try {
      response = Http.CLIENT.send(request, HttpResponse.BodyHandlers.ofString(UTF_8));
    } catch (IOException e) {
      throw unavailable(provider, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable(provider, e);
    }
    int status = response.statusCode();
    if (status >= 500 || status == 429) {
      throw unavailable(provider, new IOException(endpoint + " answered " + status));
    }
    if (status != 200) {
      throw refused(
          provider, endpoint + " answered " + status + ": " + abbreviate(response.body()));
    }
    try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
      return reader.readObject();
    } catch (JsonException e) {
      throw unavailable(provider, new IOException(endpoint + " answered with no JSON object", e));
    }
  }

  private static HttpRequest get(String url) {
    return HttpRequest.newBuilder(URI.create(url))
        .timeout(TIMEOUT)
        .header("Accept", "application/json")
        .GET()
        .build();
  }

  private Optional<String> setting(IdentityProvider provider, String name) {
    return config
        .apply("auth." + provider.configKey() + "." + name)
        .map(String::strip)
        .filter(v -> !v.isEmpty());
  }

  private String randomValue() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The PKCE S256 challenge of a verifier (RFC 7636). */
  static String codeChallenge(String codeVerifier) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(codeVerifier.getBytes(UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is missing", e);
    }
  }

  /**
   * Facebook's {@code appsecret_proof}: the access token's HMAC-SHA256 under the app secret, in
   * hex.
   */
  static String hmacSha256Hex(String secret, String value) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(value.getBytes(UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing", e);
    }
  }

  private static BusinessException refused(IdentityProvider provider, String reason) {
    LOG.log(Level.FINE, "{0} sign-in refused: {1}", new Object[] {provider, reason});
    return new BusinessException(
        ProblemType.UNAUTHORIZED, "The " + provider.displayName() + " sign-in token is not valid.");
  }

  private static BusinessException unavailable(IdentityProvider provider, Exception cause) {
    LOG.log(Level.INFO, provider + " could not be reached: " + cause, cause);
    return new BusinessException(
        ProblemType.UNAVAILABLE,
        provider.displayName() + " sign-in is unavailable right now. Please try again later.");
  }

  private static BusinessException notConfigured(IdentityProvider provider, String missingKey) {
    LOG.log(
        Level.FINE,
        "{0} sign-in is off: auth.{1}.{2} is not set",
        new Object[] {provider, provider.configKey(), missingKey});
    return new BusinessException(
        ProblemType.NOT_FOUND, "Sign-in with " + provider.displayName() + " is not available.");
  }

  private static String form(Map<String, String> parameters) {
    return parameters.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), UTF_8) + "=" + URLEncoder.encode(e.getValue(), UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static List<String> list(String commaSeparated) {
    return Arrays.stream(commaSeparated.split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  private static boolean sameSecret(String expected, String actual) {
    return actual != null
        && MessageDigest.isEqual(expected.getBytes(UTF_8), actual.getBytes(UTF_8));
  }

  private static boolean isTrue(Object claim) {
    return Boolean.TRUE.equals(claim) || "true".equals(claim);
  }

  private static String string(Object claim) {
    return claim instanceof String s ? s : null;
  }

  private static String text(JsonObject object, String name) {
    JsonValue value = object.get(name);
    if (value instanceof JsonString s) {
      return s.getString();
    }
    return value instanceof JsonNumber n ? n.toString() : null;
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }

  private static String withoutTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static String abbreviate(String body) {
    String oneLine = body.replaceAll("\\s+", " ").strip();
    return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "…";
  }
}
