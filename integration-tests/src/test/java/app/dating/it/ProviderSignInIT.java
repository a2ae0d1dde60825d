package app.dating.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dating.it.Platform.Reply;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.Test;

/**
 * Sign in with Google and Apple against a real OIDC server issuing real signed tokens: apps post
 * the ID token, browsers go through the code flow with PKCE; accounts are never linked by email
 * alone.
 */
class ProviderSignInIT {
  private static final String CLIENT = "dating-app";

  private static String idToken(
      String issuer, String subject, String audience, Map<String, Object> claims) {
    return OidcServer.server.issueToken(issuer, subject, audience, claims).serialize();
  }

  /** A good ID token for our app, carrying a nonce the platform issued for {@code issuer}. */
  static String idToken(String issuer, String subject, Map<String, Object> claims) {
    return idToken(issuer, subject, CLIENT, withNonce(claims, Api.nonce(issuer)));
  }

  static Map<String, Object> withNonce(Map<String, Object> claims, String nonce) {
    Map<String, Object> all = new HashMap<>(claims);
    all.put("nonce", nonce);
    return all;
  }

  private static Map<String, Object> verifiedEmail(String email) {
    return Map.of("email", email, "email_verified", true, "name", "Kim Provider");
  }

  private static Reply signIn(Api api, String provider, String json) {
    return api.post("/api/v1/auth/providers/" + provider, json);
  }

  @Test
  void aGoodTokenOpensAnAccountOnceThenSignsIntoIt() {
    String email = "google-" + UUID.randomUUID() + "@example.org";
    String subject = "g-" + UUID.randomUUID();
    Api api = new Api();

    String token = idToken("google", subject, verifiedEmail(email));
    Reply noBirthDate = signIn(api, "google", "{\"idToken\":\"" + token + "\"}");
    assertEquals(400, noBirthDate.status(), noBirthDate::toString);
    assertEquals(
        "birthDate", noBirthDate.json().getJsonArray("errors").getJsonObject(0).getString("field"));

    // The same token again, with the birth date: its nonce is spent by a sign-in that succeeds.
    Reply first =
        signIn(api, "google", "{\"idToken\":\"" + token + "\",\"birthDate\":\"1990-04-01\"}");
    assertEquals(200, first.status(), first::toString);
    JsonObject me =
        new Api().bearer(first.json().getString("accessToken")).get("/api/v1/me").json();
    assertEquals(email, me.getString("email"));
    assertTrue(me.getBoolean("emailVerified"), "Google verified it");
    assertEquals("Kim Provider", me.getString("displayName"));

    Reply again =
        signIn(
            api,
            "google",
            "{\"idToken\":\"" + idToken("google", subject, verifiedEmail(email)) + "\"}");
    assertEquals(200, again.status(), again::toString);
    assertEquals(
        me.getString("id"), Api.claims(again.json().getString("accessToken")).getString("sub"));
  }

  @Test
  void badTokensAreRefused() throws Exception {
    String good =
        idToken(
            "google",
            "g-" + UUID.randomUUID(),
            CLIENT,
            verifiedEmail("bad-" + UUID.randomUUID() + "@example.org"));
    SignedJWT parsed = SignedJWT.parse(good);
    var key = new RSAKeyGenerator(2048).keyID(parsed.getHeader().getKeyID()).generate();
    SignedJWT wrongKey =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
            parsed.getJWTClaimsSet());
    wrongKey.sign(new RSASSASigner(key));
    var stranger = new RSAKeyGenerator(2048).keyID("unknown-kid").generate();
    SignedJWT unknownKid =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("unknown-kid").build(),
            parsed.getJWTClaimsSet());
    unknownKid.sign(new RSASSASigner(stranger));
    String[] parts = good.split("\\.");
    String none =
        java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("{\"alg\":\"none\"}".getBytes())
            + "."
            + parts[1]
            + ".";
    String expired =
        OidcServer.server
            .issueToken(
                "google",
                CLIENT,
                new DefaultOAuth2TokenCallback(
                    "google",
                    "g-expired",
                    "JWT",
                    List.of(CLIENT),
                    verifiedEmail("old@example.org"),
                    -3600))
            .serialize();

    Map<String, String> cases = new HashMap<>();
    cases.put(
        "wrong audience",
        idToken("google", "g-1", "someone-elses-app", verifiedEmail("a@example.org")));
    cases.put("wrong issuer", idToken("apple", "g-1", CLIENT, verifiedEmail("a@example.org")));
    cases.put("expired", expired);
    cases.put("wrong signature", wrongKey.serialize());
    cases.put("unknown kid", unknownKid.serialize());
    cases.put("alg none", none);
    cases.put("garbage", "not.a.token");
    for (Map.Entry<String, String> bad : cases.entrySet()) {
      Reply reply =
          signIn(
              new Api(),
              "google",
              "{\"idToken\":\"" + bad.getValue() + "\",\"birthDate\":\"1990-04-01\"}");
      assertEquals(401, reply.status(), bad.getKey() + ": " + reply);
      assertEquals("application/problem+json", reply.contentType(), bad.getKey());
    }
    assertEquals(404, signIn(new Api(), "myspace", "{\"idToken\":\"" + good + "\"}").status());
  }

  @Test
  void anExistingAccountIsLinkedOnlyWithAVerifiedAddressAndItsPassword() throws Exception {
    Api.Account account = Api.register("linked-" + UUID.randomUUID() + "@example.org");
    String subject = "g-" + UUID.randomUUID();

    Reply beforeProof =
        signIn(
            new Api(),
            "google",
            "{\"idToken\":\""
                + idToken("google", subject, verifiedEmail(account.email()))
                + "\",\"password\":\""
                + Api.PASSWORD
                + "\"}");
    assertEquals(
        409,
        beforeProof.status(),
        "not before the account's own address is proven: " + beforeProof);
    account.verifyEmail();

    Reply silently =
        signIn(
            new Api(),
            "google",
            "{\"idToken\":\"" + idToken("google", subject, verifiedEmail(account.email())) + "\"}");
    assertEquals(409, silently.status(), "never linked by email alone: " + silently);

    Map<String, Object> unverified = Map.of("email", account.email(), "email_verified", false);
    Reply notVerified =
        signIn(
            new Api(),
            "google",
            "{\"idToken\":\""
                + idToken("google", subject, unverified)
                + "\",\"password\":\""
                + Api.PASSWORD
                + "\"}");
    assertEquals(409, notVerified.status(), notVerified::toString);

    Reply proven =
        signIn(
            new Api(),
            "google",
            "{\"idToken\":\""
                + idToken("google", subject, verifiedEmail(account.email()))
                + "\",\"password\":\""
                + Api.PASSWORD
                + "\"}");
    assertEquals(200, proven.status(), proven::toString);
    assertEquals(account.id(), Api.claims(proven.json().getString("accessToken")).getString("sub"));

    Reply later =
        signIn(
            new Api(),
            "google",
            "{\"idToken\":\"" + idToken("google", subject, verifiedEmail(account.email())) + "\"}");
    assertEquals(200, later.status(), later::toString);
  }

  /** A verified account, signed in after its address was proven. */
  static Api verifiedAndSignedIn(Api.Account account) throws Exception {
    account.verifyEmail();
    return new Api().bearer(account.accessToken());
  }

  static String linkBody(String idToken) {
    return "{\"idToken\":\"" + idToken + "\",\"currentPassword\":\"" + Api.PASSWORD + "\"}";
  }

  @Test
  void signedInPeopleLinkAndUnlinkProviders() throws Exception {
    Api.Account account = Api.register();
    Api me = verifiedAndSignedIn(account);
    String subject = "a-" + UUID.randomUUID();
    String relay = UUID.randomUUID().toString().substring(0, 8) + "@privaterelay.appleid.com";

    Reply linked =
        me.post(
            "/api/v1/me/identities/apple",
            linkBody(
                idToken(
                    "apple",
                    subject,
                    Map.of("email", relay, "email_verified", "true", "is_private_email", "true"))));
    assertEquals(200, linked.status(), linked::toString);
    assertEquals("apple", linked.structure().asJsonArray().getJsonObject(0).getString("provider"));

    Reply viaApple =
        signIn(
            new Api(),
            "apple",
            "{\"idToken\":\"" + idToken("apple", subject, Map.of("email", relay)) + "\"}");
    assertEquals(
        account.id(), Api.claims(viaApple.json().getString("accessToken")).getString("sub"));

    Api.Account other = Api.register();
    Reply stolen =
        verifiedAndSignedIn(other)
            .post(
                "/api/v1/me/identities/apple",
                linkBody(idToken("apple", subject, Map.of("email", relay))));
    assertEquals(409, stolen.status(), stolen::toString);

    assertEquals(204, me.delete("/api/v1/me/identities/apple").status());
    assertEquals(0, me.get("/api/v1/me/identities").structure().asJsonArray().size());
  }

  /** Issue #14 item 3: an app's ID token must carry a nonce the platform issued, used once. */
  @Test
  void appSignInNeedsANonceThePlatformIssuedUsedOnce() {
    String email = "nonce-" + UUID.randomUUID() + "@example.org";
    String subject = "g-" + UUID.randomUUID();
    String birthDate = "\",\"birthDate\":\"1990-04-01\"}";

    Reply noNonce =
        signIn(
            new Api(),
            "google",
            "{\"idToken\":\""
                + idToken("google", subject, CLIENT, verifiedEmail(email))
                + birthDate);
    assertEquals(401, noNonce.status(), "a token without our nonce can be replayed: " + noNonce);
    Reply madeUp =
        signIn(
            new Api(),
            "google",
            "{\"idToken\":\""
                + idToken(
                    "google",
                    subject,
                    CLIENT,
                    withNonce(verifiedEmail(email), "made-up-" + UUID.randomUUID()))
                + birthDate);
    assertEquals(401, madeUp.status(), madeUp::toString);

    Reply issued =
        new Api()
            .exchange(
                "POST",
                "/api/v1/auth/providers/google/nonce",
                null,
                HttpRequest.BodyPublishers.noBody());
    assertEquals(200, issued.status(), issued::toString);
    String nonce = issued.json().getString("nonce");
    assertTrue(nonce.matches("[A-Za-z0-9_-]{43}"), nonce);
    assertTrue(issued.json().getInt("expiresIn") > 0, issued::toString);
    Reply forApple =
        signIn(
            new Api(),
            "google",
            "{\"idToken\":\""
                + idToken(
                    "google", subject, CLIENT, withNonce(verifiedEmail(email), Api.nonce("apple")))
                + birthDate);
    assertEquals(
        401, forApple.status(), "a nonce serves the provider it was issued for: " + forApple);

    Reply good =
        signIn(
            new Api(),
            "google",
            "{\"idToken\":\""
                + idToken("google", subject, CLIENT, withNonce(verifiedEmail(email), nonce))
                + birthDate);
    assertEquals(200, good.status(), good::toString);
    Reply replayed =
        signIn(
            new Api(),
            "google",
            "{\"idToken\":\""
                + idToken("google", subject, CLIENT, withNonce(verifiedEmail(email), nonce))
                + birthDate);
    assertEquals(401, replayed.status(), "a nonce is spent once: " + replayed);
  }

  @Test
  void linkingNeedsANonceThePlatformIssued() throws Exception {
    Api me = verifiedAndSignedIn(Api.register());
    String subject = "g-" + UUID.randomUUID();
    Map<String, Object> claims = verifiedEmail("link-" + UUID.randomUUID() + "@example.org");

    Reply noNonce =
        me.post(
            "/api/v1/me/identities/google", linkBody(idToken("google", subject, CLIENT, claims)));
    assertEquals(401, noNonce.status(), noNonce::toString);
    Reply linked =
        me.post("/api/v1/me/identities/google", linkBody(idToken("google", subject, claims)));
    assertEquals(200, linked.status(), linked::toString);
  }

  /**
   * OpenID Connect Core 3.1.3.7: a token issued for several audiences names one of ours as azp
   * (mock-oauth2-server sets azp to the client id a token is issued to).
   */
  @Test
  void aTokenForSeveralAudiencesNeedsOurClientAsAuthorizedParty() {
    String email = "azp-" + UUID.randomUUID() + "@example.org";
    String subject = "g-" + UUID.randomUUID();
    java.util.function.Function<String, String> issuedTo =
        azp ->
            OidcServer.server
                .issueToken(
                    "google",
                    azp,
                    new DefaultOAuth2TokenCallback(
                        "google",
                        subject,
                        "JWT",
                        List.of(CLIENT, "someone-elses-app"),
                        withNonce(verifiedEmail(email), Api.nonce("google")),
                        3600))
                .serialize();
    String birthDate = "\",\"birthDate\":\"1990-04-01\"}";

    Reply theirs =
        signIn(
            new Api(),
            "google",
            "{\"idToken\":\"" + issuedTo.apply("someone-elses-app") + birthDate);
    assertEquals(
        401, theirs.status(), "issued to the other audience, which passed it on: " + theirs);
    Reply ours =
        signIn(new Api(), "google", "{\"idToken\":\"" + issuedTo.apply(CLIENT) + birthDate);
    assertEquals(200, ours.status(), ours::toString);
  }

  @Test
  void appleNamesArriveOnlyFromTheAppAndProviderOnlyAccountsKeepTheirLastWayIn() {
    String subject = "a-" + UUID.randomUUID();
    String relay = UUID.randomUUID().toString().substring(0, 8) + "@privaterelay.appleid.com";
    Reply first =
        signIn(
            new Api(),
            "apple",
            "{\"idToken\":\""
                + idToken("apple", subject, Map.of("email", relay, "email_verified", "true"))
                + "\",\"name\":\"Robin Apple\",\"birthDate\":\"1985-02-03\"}");
    assertEquals(200, first.status(), first::toString);
    Api me = new Api().bearer(first.json().getString("accessToken"));
    assertEquals("Robin Apple", me.get("/api/v1/me").json().getString("displayName"));
    assertEquals(relay, me.get("/api/v1/me").json().getString("email"));

    Reply lastWayIn = me.delete("/api/v1/me/identities/apple");
    assertEquals(409, lastWayIn.status(), lastWayIn::toString);
    assertEquals(
        401,
        new Api()
            .post(
                "/api/v1/auth/login",
                "{\"email\":\"" + relay + "\",\"password\":\"" + Api.PASSWORD + "\"}")
            .status(),
        "no password was ever set");
  }

  @Test
  void browsersSignInThroughTheCodeFlowWithPkce() throws Exception {
    HttpClient noRedirects =
        HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    String ip = new Api().ip;
    Reply start =
        Platform.send(
            noRedirects,
            HttpRequest.newBuilder(
                    Platform.uri("/api/v1/auth/providers/google/authorize?birthDate=1991-05-06"))
                .header("X-Forwarded-For", ip));
    assertEquals(303, start.status(), start::toString);
    URI authorize = URI.create(start.header("Location"));
    assertTrue(
        authorize.getRawQuery().contains("code_challenge_method=S256"), authorize.toString());
    String flowCookie = start.header("Set-Cookie").split(";")[0];

    String email = "web-" + UUID.randomUUID() + "@example.org";
    OidcServer.server.enqueueCallback(
        new DefaultOAuth2TokenCallback(
            "google",
            "g-web-" + UUID.randomUUID(),
            "JWT",
            List.of(CLIENT),
            verifiedEmail(email),
            3600));
    Reply atProvider = Platform.send(noRedirects, HttpRequest.newBuilder(authorize));
    URI callback = URI.create(atProvider.header("Location"));
    assertTrue(
        callback.getPath().endsWith("/api/v1/auth/providers/google/callback"), callback.toString());
    URI local = Platform.uri(callback.getRawPath() + "?" + callback.getRawQuery());

    Reply withoutCookie =
        Platform.send(noRedirects, HttpRequest.newBuilder(local).header("X-Forwarded-For", ip));
    assertEquals(
        400, withoutCookie.status(), "bound to the browser that started it: " + withoutCookie);

    Reply done =
        Platform.send(
            noRedirects,
            HttpRequest.newBuilder(local)
                .header("X-Forwarded-For", ip)
                .header("Cookie", flowCookie));
    assertEquals(303, done.status(), done::toString);
    String session =
        done.response().headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("__Host-dating-session="))
            .findFirst()
            .orElseThrow()
            .split(";")[0];
    Reply me = new Api().cookie(session, null).get("/api/v1/me");
    assertEquals(200, me.status(), me::toString);
    assertEquals(email, me.json().getString("email"));

    Reply replayed =
        Platform.send(
            noRedirects,
            HttpRequest.newBuilder(local)
                .header("X-Forwarded-For", ip)
                .header("Cookie", flowCookie));
    assertEquals(400, replayed.status(), "the state is spent once: " + replayed);
  }
}
