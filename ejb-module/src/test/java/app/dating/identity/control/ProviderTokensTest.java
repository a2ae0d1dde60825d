package app.dating.identity.control;

import static app.dating.identity.entity.IdentityProvider.APPLE;
import static app.dating.identity.entity.IdentityProvider.FACEBOOK;
import static app.dating.identity.entity.IdentityProvider.GOOGLE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dating.identity.control.ProviderTokens.AuthorizationRequest;
import app.dating.identity.entity.IdentityProvider;
import app.dating.shared.problem.BusinessException;
import app.dating.shared.problem.ProblemType;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Against a real OpenID Connect provider (mock-oauth2-server, one issuer per provider) and a fake
 * Graph API that answers in Facebook's JSON shapes.
 */
class ProviderTokensTest {
  private static final String REDIRECT_URI = "http://localhost/auth/callback";
  private static final String FACEBOOK_APP_ID = "138483919580948";
  private static final String FACEBOOK_APP_SECRET = "facebook-app-secret";
  private static final String FACEBOOK_USER = "10224553179412345";

  private static MockOAuth2Server server;
  private static HttpServer graph;

  @BeforeAll
  static void startProviders() throws IOException {
    server = new MockOAuth2Server();
    server.start();
    graph = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    graph.createContext("/v19.0/debug_token", FakeGraph::debugToken);
    graph.createContext("/v19.0/me", FakeGraph::me);
    graph.start();
  }

  @AfterAll
  static void stopProviders() {
    server.shutdown();
    graph.stop(0);
  }

  private static String webClient(IdentityProvider provider) {
    return provider.configKey() + "-web";
  }

  private static String appClient(IdentityProvider provider) {
    return provider.configKey() + "-ios";
  }

  private static Map<String, String> config() {
    Map<String, String> config = new HashMap<>();
    for (IdentityProvider provider : IdentityProvider.values()) {
      String id = provider.configKey();
      config.put("auth." + id + ".issuer", server.issuerUrl(id).toString());
      config.put("auth." + id + ".jwks-url", server.jwksUrl(id).toString());
      config.put(
          "auth." + id + ".authorization-url", server.authorizationEndpointUrl(id).toString());
      config.put("auth." + id + ".token-url", server.tokenEndpointUrl(id).toString());
      config.put("auth." + id + ".client-ids", webClient(provider) + ", " + appClient(provider));
      config.put("auth." + id + ".client-secret", id + "-secret");
    }
    config.put(
        "auth.facebook.graph-url", "http://127.0.0.1:" + graph.getAddress().getPort() + "/v19.0/");
    config.put("auth.facebook.app-id", FACEBOOK_APP_ID);
    config.put("auth.facebook.app-secret", FACEBOOK_APP_SECRET);
    return config;
  }

  private static ProviderTokens tokens(Map<String, String> config, Clock clock) {
    return new ProviderTokens(key -> Optional.ofNullable(config.get(key)), clock);
  }

  private static ProviderTokens tokens() {
    return tokens(config(), Clock.systemUTC());
  }

  private static String idToken(
      IdentityProvider provider, String audience, Map<String, Object> claims) {
    return server
        .issueToken(provider.configKey(), "subject-" + provider.configKey(), audience, claims)
        .serialize();
  }

  private static void assertRefused(IdentityProvider provider, Executable call) {
    BusinessException refusal = assertThrows(BusinessException.class, call);
    assertEquals(ProblemType.UNAUTHORIZED, refusal.type());
    assertEquals(
        "The " + provider.displayName() + " sign-in token is not valid.", refusal.getMessage());
  }

  // ID tokens

  @ParameterizedTest
  @EnumSource(IdentityProvider.class)
  void aGoodTokenTellsWhoSignedIn(IdentityProvider provider) {
    String token =
        idToken(
            provider,
            webClient(provider),
            Map.of("email", "ann@example.org", "email_verified", true, "name", "Ann Lee"));

    ExternalIdentity identity = tokens().verifyIdToken(provider, token, null);

    assertEquals(
        new ExternalIdentity(
            provider, "subject-" + provider.configKey(), "ann@example.org", true, false, "Ann Lee"),
        identity);
  }

  @ParameterizedTest
  @EnumSource(IdentityProvider.class)
  void everyConfiguredClientIsAnAudience(IdentityProvider provider) {
    String token = idToken(provider, appClient(provider), Map.of());

    assertEquals(
        "subject-" + provider.configKey(), tokens().verifyIdToken(provider, token, null).subject());
  }

  /**
   * A claim value as the table names it: {@code boolean:true}, {@code string:true}, or empty for
   * none.
   */
  private static Object claimValue(String typed) {
    String value = typed.substring(typed.indexOf(':') + 1);
    return typed.startsWith("boolean:") ? Boolean.valueOf(value) : value;
  }

  @ParameterizedTest(name = "{0}: email_verified {1} means {2}")
  @CsvSource({
    "GOOGLE, boolean:true, true",
    "GOOGLE, boolean:false, false",
    "APPLE, boolean:true, true",
    "APPLE, string:true, true",
    "APPLE, string:false, false",
    "FACEBOOK, , false" // Limited Login tokens do not say
  })
  void emailVerifiedIsReadAsEachProviderSendsIt(
      IdentityProvider provider, String claim, boolean verified) {
    Map<String, Object> claims = new HashMap<>(Map.of("email", "ann@example.org"));
    if (claim != null) {
      claims.put("email_verified", claimValue(claim));
    }
    String token = idToken(provider, webClient(provider), claims);

    assertEquals(verified, tokens().verifyIdToken(provider, token, null).emailVerified());
  }

  @ParameterizedTest(name = "{0}, is_private_email {1}: relay {2}")
  @CsvSource({
    "x7vk2m9q@privaterelay.appleid.com, , true",
    "X7VK2M9Q@PrivateRelay.AppleID.com, , true",
    "ann@example.org, boolean:true, true",
    "ann@example.org, string:true, true",
    "ann@example.org, , false",
    "ann@example.org, boolean:false, false"
  })
  void applePrivateRelayAddressesAreFlagged(String email, String isPrivateEmail, boolean relay) {
    Map<String, Object> claims = new HashMap<>(Map.of("email", email, "email_verified", "true"));
    if (isPrivateEmail != null) {
      claims.put("is_private_email", claimValue(isPrivateEmail));
    }

    ExternalIdentity identity =
        tokens().verifyIdToken(APPLE, idToken(APPLE, webClient(APPLE), claims), null);

    assertEquals(relay, identity.privateRelayEmail());
    assertTrue(identity.emailVerified());
  }

  @Test
  void relayAddressesAreOnlyApples() {
    String token =
        idToken(
            GOOGLE,
            webClient(GOOGLE),
            Map.of("email", "x@privaterelay.appleid.com", "is_private_email", true));

    assertFalse(tokens().verifyIdToken(GOOGLE, token, null).privateRelayEmail());
  }

  @Test
  void appleNameComesFromTheAppWhenTheTokenHasNone() {
    ProviderTokens tokens = tokens();
    String withoutName = idToken(APPLE, webClient(APPLE), Map.of("email", "ann@example.org"));
    String withName = idToken(APPLE, webClient(APPLE), Map.of("name", "From Token"));

    assertAll(
        () ->
            assertEquals(
                "Ann Lee", tokens.verifyIdToken(APPLE, withoutName, null, "  Ann Lee ").name()),
        () -> assertNull(tokens.verifyIdToken(APPLE, withoutName, null, " ").name()),
        () -> assertNull(tokens.verifyIdToken(APPLE, withoutName, null).name()),
        () ->
            assertEquals(
                "From Token", tokens.verifyIdToken(APPLE, withName, null, "Ann Lee").name()));
  }

  @ParameterizedTest
  @EnumSource(IdentityProvider.class)
  void aTokenForAnotherAudienceIsRefused(IdentityProvider provider) {
    String token = idToken(provider, "someone-elses-app", Map.of());

    assertRefused(provider, () -> tokens().verifyIdToken(provider, token, null));
  }

  /** A token for our web client and another app; mock-oauth2-server sets azp to the client id. */
  private static String multiAudience(String authorizedParty) {
    return server
        .issueToken(
            "google",
            authorizedParty,
            new DefaultOAuth2TokenCallback(
                "google",
                "subject-google",
                "JWT",
                List.of(webClient(GOOGLE), "someone-elses-app"),
                Map.of(),
                3600))
        .serialize();
  }

  /** OpenID Connect Core 3.1.3.7: a token for several audiences names who it was issued to. */
  @Test
  void aTokenForSeveralAudiencesNeedsOneOfOursAsAuthorizedParty() {
    ProviderTokens tokens = tokens();

    assertAll(
        () ->
            assertRefused(
                GOOGLE,
                () -> tokens.verifyIdToken(GOOGLE, multiAudience("someone-elses-app"), null)),
        () ->
            assertRefused(
                GOOGLE, () -> tokens.verifyIdToken(GOOGLE, multiAudience("a-third-party"), null)),
        () ->
            assertEquals(
                "subject-google",
                tokens.verifyIdToken(GOOGLE, multiAudience(appClient(GOOGLE)), null).subject()));
  }

  @Test
  void aTokenOfAnotherIssuerIsRefused() {
    Map<String, String> config = config();
    config.put("auth.google.issuer", "https://accounts.google.com");
    String token = idToken(GOOGLE, webClient(GOOGLE), Map.of());

    assertRefused(
        GOOGLE, () -> tokens(config, Clock.systemUTC()).verifyIdToken(GOOGLE, token, null));
  }

  @Test
  void aTokenOfAnotherProviderIsRefused() {
    String appleToken = idToken(APPLE, webClient(GOOGLE), Map.of());

    assertRefused(GOOGLE, () -> tokens().verifyIdToken(GOOGLE, appleToken, null));
  }

  @ParameterizedTest(name = "{0} s after issue, a token of 30 s is accepted: {1}")
  @CsvSource({"0, true", "80, true", "100, false", "10800, false"})
  void expiryAllowsOneMinuteOfClockSkew(long secondsLater, boolean accepted) {
    String token =
        server.issueToken("google", "subject-google", webClient(GOOGLE), Map.of(), 30).serialize();
    ProviderTokens later =
        tokens(config(), Clock.offset(Clock.systemUTC(), Duration.ofSeconds(secondsLater)));

    if (accepted) {
      assertEquals("subject-google", later.verifyIdToken(GOOGLE, token, null).subject());
    } else {
      assertRefused(GOOGLE, () -> later.verifyIdToken(GOOGLE, token, null));
    }
  }

  @Test
  void aTokenIssuedInTheFutureIsRefused() {
    String token = idToken(GOOGLE, webClient(GOOGLE), Map.of());
    ProviderTokens earlier =
        tokens(config(), Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-5)));

    assertRefused(GOOGLE, () -> earlier.verifyIdToken(GOOGLE, token, null));
  }

  /** A way to forge a token from a genuine one. */
  interface Forgery {
    String forge(SignedJWT genuine) throws JOSEException, ParseException;
  }

  static Stream<Arguments> forgeries() {
    Forgery otherKeySameKid =
        genuine -> signRs256(genuine.getJWTClaimsSet(), genuine.getHeader().getKeyID());
    Forgery unknownKid = genuine -> signRs256(genuine.getJWTClaimsSet(), "unknown-key-id");
    Forgery none = genuine -> new PlainJWT(genuine.getJWTClaimsSet()).serialize();
    Forgery hmac =
        genuine -> {
          byte[] secret = new byte[32];
          new SecureRandom().nextBytes(secret);
          SignedJWT jwt =
              new SignedJWT(
                  new JWSHeader.Builder(JWSAlgorithm.HS256)
                      .keyID(genuine.getHeader().getKeyID())
                      .build(),
                  genuine.getJWTClaimsSet());
          jwt.sign(new MACSigner(secret));
          return jwt.serialize();
        };
    Forgery tamperedClaims =
        genuine -> {
          String[] parts = genuine.serialize().split("\\.");
          JWTClaimsSet changed =
              new JWTClaimsSet.Builder(genuine.getJWTClaimsSet()).subject("someone-else").build();
          return parts[0] + "." + Base64URL.encode(changed.toString()) + "." + parts[2];
        };
    Forgery garbage = genuine -> "not.a.token";
    return Stream.of(
        Arguments.of("signed by another key under the provider's key id", otherKeySameKid),
        Arguments.of("signed by a key the provider never published", unknownKid),
        Arguments.of("unsigned (alg none)", none),
        Arguments.of("HS256 with a made-up secret", hmac),
        Arguments.of("claims changed after signing", tamperedClaims),
        Arguments.of("not a JWT", garbage));
  }

  private static String signRs256(JWTClaimsSet claims, String keyId) throws JOSEException {
    SignedJWT jwt =
        new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).build(), claims);
    jwt.sign(new RSASSASigner(new RSAKeyGenerator(2048).keyID(keyId).generate()));
    return jwt.serialize();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forgeries")
  void aForgedTokenIsRefused(String how, Forgery forgery) throws Exception {
    ProviderTokens tokens = tokens();
    SignedJWT genuine = server.issueToken("google", "subject-google", webClient(GOOGLE), Map.of());
    assertEquals(
        "subject-google", tokens.verifyIdToken(GOOGLE, genuine.serialize(), null).subject());

    String forged = forgery.forge(genuine);

    assertRefused(GOOGLE, () -> tokens.verifyIdToken(GOOGLE, forged, null));
  }

  @Test
  void aKeyPublishedLaterIsFetchedWhenATokenNamesIt() throws Exception {
    RSAKey first = new RSAKeyGenerator(2048).keyID("first").generate();
    ECKey second = new ECKeyGenerator(Curve.P_256).keyID("second").generate();
    AtomicReference<JWKSet> published = new AtomicReference<>(new JWKSet(first.toPublicJWK()));
    HttpServer jwks =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    jwks.createContext(
        "/certs", exchange -> FakeGraph.respond(exchange, 200, published.get().toString()));
    jwks.start();
    try {
      Map<String, String> config = config();
      config.put("auth.google.issuer", "https://accounts.example");
      config.put(
          "auth.google.jwks-url", "http://127.0.0.1:" + jwks.getAddress().getPort() + "/certs");
      ProviderTokens tokens = tokens(config, Clock.systemUTC());
      JWTClaimsSet claims =
          new JWTClaimsSet.Builder()
              .issuer("https://accounts.example")
              .audience(webClient(GOOGLE))
              .subject("rotated")
              .issueTime(new Date())
              .expirationTime(Date.from(Instant.now().plusSeconds(600)))
              .build();
      SignedJWT byFirst =
          new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("first").build(), claims);
      byFirst.sign(new RSASSASigner(first));
      SignedJWT bySecond =
          new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("second").build(), claims);
      bySecond.sign(new ECDSASigner(second));

      assertEquals("rotated", tokens.verifyIdToken(GOOGLE, byFirst.serialize(), null).subject());
      published.set(new JWKSet(List.of(first.toPublicJWK(), second.toPublicJWK())));
      assertEquals("rotated", tokens.verifyIdToken(GOOGLE, bySecond.serialize(), null).subject());
    } finally {
      jwks.stop(0);
    }
  }

  @ParameterizedTest(name = "token nonce {0}, expected {1}: accepted {2}")
  @CsvSource({
    "n-1, n-1, true",
    "n-1, , true",
    "n-1, n-2, false",
    ", n-1, false",
    "n-1, N-1, false"
  })
  void theNonceMustMatchWhenExpected(String tokenNonce, String expected, boolean accepted) {
    Map<String, Object> claims = tokenNonce == null ? Map.of() : Map.of("nonce", tokenNonce);
    String token = idToken(APPLE, webClient(APPLE), claims);

    if (accepted) {
      assertEquals("subject-apple", tokens().verifyIdToken(APPLE, token, expected).subject());
    } else {
      assertRefused(APPLE, () -> tokens().verifyIdToken(APPLE, token, expected));
    }
  }

  @Test
  void aProviderWithoutClientIdsIsNotOffered() {
    Map<String, String> config = config();
    config.remove("auth.apple.client-ids");
    ProviderTokens tokens = tokens(config, Clock.systemUTC());
    String token = idToken(APPLE, webClient(APPLE), Map.of());

    for (Executable call :
        List.<Executable>of(
            () -> tokens.verifyIdToken(APPLE, token, null),
            () -> tokens.authorization(APPLE, REDIRECT_URI))) {
      BusinessException refusal = assertThrows(BusinessException.class, call);
      assertEquals(ProblemType.NOT_FOUND, refusal.type());
      assertEquals("Sign-in with Apple is not available.", refusal.getMessage());
    }
    assertEquals(
        "subject-google",
        tokens.verifyIdToken(GOOGLE, idToken(GOOGLE, webClient(GOOGLE), Map.of()), null).subject());
  }

  @Test
  void theRealProvidersAreTheDefaults() {
    ProviderTokens tokens = tokens(Map.of("auth.google.client-ids", "web"), Clock.systemUTC());

    URI url = tokens.authorization(GOOGLE, REDIRECT_URI).url();

    assertEquals(
        "https://accounts.google.com/o/oauth2/v2/auth",
        url.getScheme() + "://" + url.getHost() + url.getPath());
  }

  @Test
  void anUnreachableProviderIsUnavailable() throws IOException {
    Map<String, String> config = config();
    config.put("auth.google.jwks-url", "http://127.0.0.1:" + closedPort() + "/certs");
    String token = idToken(GOOGLE, webClient(GOOGLE), Map.of());

    BusinessException refusal =
        assertThrows(
            BusinessException.class,
            () -> tokens(config, Clock.systemUTC()).verifyIdToken(GOOGLE, token, null));
    assertEquals(ProblemType.UNAVAILABLE, refusal.type());
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  // The web sign-in: authorization code with PKCE

  /**
   * What the provider sent back to the redirect URI: as query parameters, or as Apple's form post.
   */
  private static Map<String, String> signInAt(URI authorizationUrl)
      throws IOException, InterruptedException {
    HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    HttpResponse<String> response =
        browser.send(
            HttpRequest.newBuilder(authorizationUrl).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() == 302) {
      URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
      assertTrue(location.toString().startsWith(REDIRECT_URI + "?"), location.toString());
      return query(location.getRawQuery());
    }
    assertEquals(200, response.statusCode(), response.body());
    Map<String, String> posted = new HashMap<>();
    Matcher field =
        Pattern.compile("name=\"(\\w+)\"\\s+value=\"([^\"]*)\"").matcher(response.body());
    while (field.find()) {
      posted.put(field.group(1), field.group(2));
    }
    return posted;
  }

  private static void enqueueIdentity(IdentityProvider provider) {
    server.enqueueCallback(
        new DefaultOAuth2TokenCallback(
            provider.configKey(),
            "code-subject-" + provider.configKey(),
            "JWT",
            List.of(webClient(provider)),
            Map.of("email", "web@example.org", "email_verified", true),
            3600));
  }

  @ParameterizedTest
  @EnumSource(IdentityProvider.class)
  void theCodeFlowWithPkceTellsWhoSignedIn(IdentityProvider provider) throws Exception {
    ProviderTokens tokens = tokens();
    AuthorizationRequest request = tokens.authorization(provider, REDIRECT_URI);

    Map<String, String> sent = query(request.url().getRawQuery());
    assertAll(
        () -> assertEquals("code", sent.get("response_type")),
        () -> assertEquals(webClient(provider), sent.get("client_id")),
        () -> assertEquals(REDIRECT_URI, sent.get("redirect_uri")),
        () -> assertEquals(request.state(), sent.get("state")),
        () -> assertEquals(request.nonce(), sent.get("nonce")),
        () -> assertEquals("S256", sent.get("code_challenge_method")),
        () ->
            assertEquals(
                ProviderTokens.codeChallenge(request.codeVerifier()), sent.get("code_challenge")),
        () -> assertTrue(sent.get("scope").startsWith("openid ")),
        () -> assertEquals(provider == APPLE ? "form_post" : null, sent.get("response_mode")));
    for (String secret : List.of(request.state(), request.nonce(), request.codeVerifier())) {
      assertTrue(secret.matches("[A-Za-z0-9_-]{43}"), secret); // 256 bits, base64url
    }

    Map<String, String> answer = signInAt(request.url());
    assertEquals(request.state(), answer.get("state"));
    enqueueIdentity(provider);
    ExternalIdentity identity =
        tokens.exchangeCode(
            provider, answer.get("code"), request.codeVerifier(), REDIRECT_URI, request.nonce());

    assertEquals(
        new ExternalIdentity(
            provider, "code-subject-" + provider.configKey(), "web@example.org", true, false, null),
        identity);
  }

  @Test
  void eachSignInHasItsOwnSecrets() {
    ProviderTokens tokens = tokens();
    AuthorizationRequest first = tokens.authorization(GOOGLE, REDIRECT_URI);
    AuthorizationRequest second = tokens.authorization(GOOGLE, REDIRECT_URI);

    assertAll(
        () -> assertFalse(first.state().equals(second.state())),
        () -> assertFalse(first.nonce().equals(second.nonce())),
        () -> assertFalse(first.codeVerifier().equals(second.codeVerifier())));
  }

  @Test
  void aWrongCodeVerifierIsRefused() throws Exception {
    ProviderTokens tokens = tokens();
    AuthorizationRequest request = tokens.authorization(GOOGLE, REDIRECT_URI);
    String code = signInAt(request.url()).get("code");
    String otherVerifier = tokens.authorization(GOOGLE, REDIRECT_URI).codeVerifier();

    assertRefused(
        GOOGLE,
        () -> tokens.exchangeCode(GOOGLE, code, otherVerifier, REDIRECT_URI, request.nonce()));
  }

  @Test
  void anotherNonceIsRefused() throws Exception {
    ProviderTokens tokens = tokens();
    AuthorizationRequest request = tokens.authorization(GOOGLE, REDIRECT_URI);
    String code = signInAt(request.url()).get("code");
    String otherNonce = tokens.authorization(GOOGLE, REDIRECT_URI).nonce();

    assertRefused(
        GOOGLE,
        () -> tokens.exchangeCode(GOOGLE, code, request.codeVerifier(), REDIRECT_URI, otherNonce));
  }

  @Test
  void aCodeIsGoodOnce() throws Exception {
    ProviderTokens tokens = tokens();
    AuthorizationRequest request = tokens.authorization(FACEBOOK, REDIRECT_URI);
    String code = signInAt(request.url()).get("code");
    tokens.exchangeCode(FACEBOOK, code, request.codeVerifier(), REDIRECT_URI, request.nonce());

    assertRefused(
        FACEBOOK,
        () ->
            tokens.exchangeCode(
                FACEBOOK, code, request.codeVerifier(), REDIRECT_URI, request.nonce()));
  }

  @Test
  void aMadeUpCodeIsRefused() {
    ProviderTokens tokens = tokens();
    AuthorizationRequest request = tokens.authorization(GOOGLE, REDIRECT_URI);

    assertRefused(
        GOOGLE,
        () ->
            tokens.exchangeCode(
                GOOGLE, "made-up", request.codeVerifier(), REDIRECT_URI, request.nonce()));
  }

  @Test
  void theCodeFlowNeedsTheNonce() {
    ProviderTokens tokens = tokens();

    assertThrows(
        IllegalArgumentException.class,
        () -> tokens.exchangeCode(GOOGLE, "code", "verifier", REDIRECT_URI, null));
  }

  // Classic Facebook access tokens, through the Graph API

  @Test
  void aFacebookAccessTokenTellsWhoSignedIn() {
    ExternalIdentity identity = tokens().verifyFacebookAccessToken("EAAGood");

    assertEquals(
        new ExternalIdentity(
            FACEBOOK, FACEBOOK_USER, "fiona@example.org", false, false, "Fiona Facebook"),
        identity);
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource({
    "EAAOtherApp, issued for another app",
    "EAAInvalid, not valid",
    "EAAExpired, valid but expired",
    "EAAPage, not a user token",
    "'', empty"
  })
  void aBadFacebookAccessTokenIsRefused(String token, String why) {
    assertRefused(FACEBOOK, () -> tokens().verifyFacebookAccessToken(token));
  }

  @Test
  void wrongAppCredentialsAreRefusedByFacebook() {
    Map<String, String> config = config();
    config.put("auth.facebook.app-secret", "not-the-secret");

    assertRefused(
        FACEBOOK, () -> tokens(config, Clock.systemUTC()).verifyFacebookAccessToken("EAAGood"));
  }

  @Test
  void facebookAccessTokensNeedTheAppCredentials() {
    Map<String, String> config = config();
    config.remove("auth.facebook.app-secret");

    BusinessException refusal =
        assertThrows(
            BusinessException.class,
            () -> tokens(config, Clock.systemUTC()).verifyFacebookAccessToken("EAAGood"));
    assertEquals(ProblemType.NOT_FOUND, refusal.type());
  }

  private static Map<String, String> query(String rawQuery) {
    Map<String, String> parameters = new LinkedHashMap<>();
    if (rawQuery != null) {
      for (String pair : rawQuery.split("&")) {
        int equals = pair.indexOf('=');
        parameters.put(
            URLDecoder.decode(pair.substring(0, equals), UTF_8),
            URLDecoder.decode(pair.substring(equals + 1), UTF_8));
      }
    }
    return parameters;
  }

  /** The two Graph API endpoints the sign-in uses, answering as Facebook does. */
  static final class FakeGraph {
    private static final String INVALID_OAUTH_TOKEN =
        "{\"error\":{\"message\":\"Invalid OAuth access token - Cannot parse access token\",\"type\":\"OAuthException\",\"code\":190,\"fbtrace_id\":\"AbC\"}}";

    static void debugToken(HttpExchange exchange) throws IOException {
      Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
      if (!(FACEBOOK_APP_ID + "|" + FACEBOOK_APP_SECRET).equals(query.get("access_token"))) {
        respond(exchange, 400, INVALID_OAUTH_TOKEN);
        return;
      }
      long now = Instant.now().getEpochSecond();
      String data =
          switch (query.getOrDefault("input_token", "")) {
            case "EAAGood" -> userToken(FACEBOOK_APP_ID, true, now + 3600);
            case "EAAOtherApp" -> userToken("999999999999999", true, now + 3600);
            case "EAAExpired" -> userToken(FACEBOOK_APP_ID, true, now - 60);
            case "EAAPage" ->
                "{\"app_id\":\""
                    + FACEBOOK_APP_ID
                    + "\",\"type\":\"PAGE\",\"application\":\"Dating\",\"expires_at\":0,"
                    + "\"is_valid\":true,\"profile_id\":\"4242\",\"scopes\":[\"pages_show_list\"]}";
            default ->
                "{\"error\":{\"code\":190,\"message\":\"Invalid OAuth access token.\"},\"is_valid\":false,\"scopes\":[]}";
          };
      respond(exchange, 200, "{\"data\":" + data + "}");
    }

    private static String userToken(String appId, boolean valid, long expiresAt) {
      return "{\"app_id\":\""
          + appId
          + "\",\"type\":\"USER\",\"application\":\"Dating\",\"data_access_expires_at\":"
          + (expiresAt + 7776000)
          + ",\"expires_at\":"
          + expiresAt
          + ",\"is_valid\":"
          + valid
          + ",\"issued_at\":"
          + (expiresAt - 5184000)
          + ",\"scopes\":[\"email\",\"public_profile\"],\"user_id\":\""
          + FACEBOOK_USER
          + "\"}";
    }

    static void me(HttpExchange exchange) throws IOException {
      Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
      String token = query.get("access_token");
      boolean proven =
          token != null
              && ProviderTokens.hmacSha256Hex(FACEBOOK_APP_SECRET, token)
                  .equals(query.get("appsecret_proof"));
      if (!"EAAGood".equals(token) || !proven || !"id,name,email".equals(query.get("fields"))) {
        respond(exchange, 400, INVALID_OAUTH_TOKEN);
        return;
      }
      respond(
          exchange,
          200,
          "{\"id\":\""
              + FACEBOOK_USER
              + "\",\"name\":\"Fiona Facebook\",\"email\":\"fiona@example.org\"}");
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
      byte[] body = json.getBytes(UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
      exchange.sendResponseHeaders(status, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
