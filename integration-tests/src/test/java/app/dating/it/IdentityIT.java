package app.dating.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dating.identity.control.AccessTokens;
import app.dating.it.Platform.Reply;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Accounts and password sign-in over HTTP against the deployed platform, checked in the database
 * too. Each test speaks from its own client address (X-Forwarded-For, believed from loopback), so
 * the per-address limits of one test do not touch another.
 */
class IdentityIT {
  private static final String PASSWORD = "correct horse battery staple";

  private final String ip =
      "198.18."
          + ThreadLocalRandom.current().nextInt(256)
          + "."
          + ThreadLocalRandom.current().nextInt(1, 255);

  private Reply post(String path, String json) {
    return Platform.send(
        HttpRequest.newBuilder(Platform.uri(path))
            .header("Content-Type", "application/json")
            .header("X-Forwarded-For", ip)
            .header("User-Agent", "IdentityIT")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  private static String email() {
    return "it-" + UUID.randomUUID() + "@example.invalid";
  }

  private static String signUp(String email, String password, String name, LocalDate birthDate) {
    return "{\"email\":\""
        + email
        + "\",\"password\":\""
        + password
        + "\",\"displayName\":\""
        + name
        + "\",\"birthDate\":\""
        + birthDate
        + "\"}";
  }

  private Reply register(String email) {
    return post(
        "/api/v1/auth/register", signUp(email, PASSWORD, "Alex", LocalDate.now().minusYears(30)));
  }

  private Reply login(String email, String password) {
    return post(
        "/api/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
  }

  private static Reply me(String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(Platform.uri("/api/v1/me"));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return Platform.send(request);
  }

  private static void assertProblem(Reply reply, int status, String type) {
    assertEquals(status, reply.status(), reply::toString);
    assertTrue(reply.contentType().startsWith("application/problem+json"), reply::toString);
    assertEquals("urn:dating:problem:" + type, reply.json().getString("type"), reply::toString);
  }

  private static String fieldOf(Reply reply) {
    return reply.json().getJsonArray("errors").getJsonObject(0).getString("field");
  }

  @Test
  void registerSignInAndReadOwnAccount() throws Exception {
    String email = email();
    Reply registered = register(email.toUpperCase());
    assertEquals(201, registered.status(), registered::toString);
    assertTrue(registered.header("Location").endsWith("/api/v1/me"), registered.header("Location"));
    JsonObject account = registered.json();
    assertEquals(email, account.getString("email"));
    assertFalse(account.getBoolean("emailVerified"));
    assertFalse(registered.body().contains("password"), "no hash or password in the answer");

    Reply signedIn = login(email, PASSWORD);
    assertEquals(200, signedIn.status(), signedIn::toString);
    JsonObject token = signedIn.json();
    assertEquals("Bearer", token.getString("tokenType"));
    assertEquals(900, token.getInt("expiresIn"));
    SignedJWT jwt = SignedJWT.parse(token.getString("accessToken"));
    assertEquals(account.getString("id"), jwt.getJWTClaimsSet().getSubject());
    assertEquals(List.of("USER"), jwt.getJWTClaimsSet().getStringListClaim("groups"));
    assertNotNull(jwt.getJWTClaimsSet().getJWTID());

    Reply mine = me(token.getString("accessToken"));
    assertEquals(200, mine.status(), mine::toString);
    assertEquals(account.getString("id"), mine.json().getString("id"));
    assertEquals("Alex", mine.json().getString("displayName"));

    try (Connection db = Database.connect()) {
      assertTrue(
          Database.string(
                  db,
                  "select password_hash from account where id = ?::uuid",
                  account.getString("id"))
              .startsWith("$argon2id$v=19$m=19456,t=2,p=1$"));
      List<String> audit =
          Database.strings(
              db,
              "select action || ' ' || outcome || ' ' || ip || ' ' || user_agent from audit_event where actor_id = ?::uuid order by id",
              account.getString("id"));
      assertEquals(
          List.of("REGISTER SUCCESS " + ip + " IdentityIT", "LOGIN SUCCESS " + ip + " IdentityIT"),
          audit);
    }
  }

  @Test
  void theAuditLogCannotBeRewritten() throws Exception {
    register(email());
    try (Connection db = Database.connect()) {
      Exception refused =
          org.junit.jupiter.api.Assertions.assertThrows(
              Exception.class,
              () ->
                  db.createStatement().executeUpdate("update audit_event set outcome = 'FAILURE'"));
      assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
    }
  }

  /**
   * Issue #14 item 2: registering a taken address (whatever its case) is answered as a new one, so
   * registration tells no one who has an account; the owner gets a mail instead.
   */
  @Test
  void aTakenAddressIsAnsweredAsANewOneAndItsOwnerIsMailed() throws Exception {
    String email = email();
    Reply first = register(email);
    assertEquals(201, first.status(), first::toString);

    Reply again =
        Platform.send(
            HttpRequest.newBuilder(Platform.uri("/api/v1/auth/register"))
                .header("Content-Type", "application/json")
                .header(
                    "X-Forwarded-For", "198.18.99." + ThreadLocalRandom.current().nextInt(1, 255))
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        signUp(
                            email.toUpperCase(),
                            "another fine passphrase",
                            "Alex",
                            LocalDate.now().minusYears(30)))));
    assertEquals(201, again.status(), "the same answer as for a new address: " + again);
    assertEquals(first.header("Location"), again.header("Location"));
    assertEquals(first.json().keySet(), again.json().keySet());
    assertEquals(email, again.json().getString("email"));
    assertFalse(again.json().getBoolean("emailVerified"));
    assertEquals(first.json().getJsonArray("roles"), again.json().getJsonArray("roles"));
    assertFalse(first.json().getString("id").equals(again.json().getString("id")));

    AccountTakeoverIT.awaitMail(email, "Someone tried to open an account");
    try (Connection db = Database.connect()) {
      assertEquals(
          List.of(first.json().getString("id")),
          Database.strings(db, "select id::text from account where lower(email) = ?", email));
    }
    assertEquals(200, login(email, PASSWORD).status(), "the owner's password still signs in");
    assertProblem(login(email, "another fine passphrase"), 401, "unauthorized");
  }

  @Test
  void minorsCannotRegister() {
    Reply reply =
        post(
            "/api/v1/auth/register",
            signUp(email(), PASSWORD, "Kim", LocalDate.now().minusYears(18).plusDays(1)));
    assertProblem(reply, 400, "validation");
    assertEquals("birthDate", fieldOf(reply));
  }

  @ParameterizedTest
  @ValueSource(strings = {"short", "password123", "PassWord123", "qwertyuiop", "12345678"})
  void weakPasswordsAreRefusedWithAReason(String password) {
    Reply reply =
        post(
            "/api/v1/auth/register",
            signUp(email(), password, "Sam", LocalDate.now().minusYears(25)));
    assertProblem(reply, 400, "validation");
    assertEquals("password", fieldOf(reply));
  }

  @Test
  void passwordEqualToTheEmailIsRefused() {
    String email = email();
    Reply reply =
        post("/api/v1/auth/register", signUp(email, email, "Sam", LocalDate.now().minusYears(25)));
    assertProblem(reply, 400, "validation");
    assertEquals("password", fieldOf(reply));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"password\":\"correct horse battery staple\",\"displayName\":\"A\",\"birthDate\":\"1990-01-01\"}",
        "{\"email\":\"not-an-email\",\"password\":\"correct horse battery staple\",\"displayName\":\"A\",\"birthDate\":\"1990-01-01\"}"
      })
  void malformedEmailsAreNamed(String body) {
    Reply reply = post("/api/v1/auth/register", body);
    assertProblem(reply, 400, "validation");
    assertEquals("email", fieldOf(reply));
  }

  @Test
  void unknownEmailAndWrongPasswordLookAlike() {
    String email = email();
    register(email);
    Reply wrong = login(email, "not the password at all");
    Reply unknown = login(email(), PASSWORD);
    assertProblem(wrong, 401, "unauthorized");
    assertProblem(unknown, 401, "unauthorized");
    assertEquals(wrong.json().getString("detail"), unknown.json().getString("detail"));
    assertEquals(wrong.json().getString("title"), unknown.json().getString("title"));
  }

  @Test
  void registrationsFromOneAddressAreLimited() {
    Reply last = null;
    for (int i = 0; i < 11; i++) {
      last = register(email());
    }
    assertProblem(last, 429, "rate-limited");
    assertTrue(Long.parseLong(last.header("Retry-After")) > 0, last::toString);
  }

  @Test
  void attemptsOnOneAccountAreThrottledNotLocked() {
    String email = email();
    register(email);
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      statuses.add(login(email, "wrong password " + i).status());
    }
    assertEquals(401, statuses.get(9), statuses::toString);
    assertEquals(429, statuses.get(10), statuses::toString);
  }

  @Test
  void meNeedsAToken() {
    assertProblem(me(null), 401, "unauthorized");
  }

  /** Every protected resource refuses anonymous callers before running. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "GET /api/v1/me",
        "POST /api/v1/me/exports",
        "POST /api/v1/me/password",
        "DELETE /api/v1/me",
        "POST /api/v1/auth/logout-everywhere"
      })
  void protectedResourcesNeedAToken(String call) {
    String[] parts = call.split(" ");
    HttpRequest.BodyPublisher body =
        "GET".equals(parts[0]) // a GET with a body is a 400 of its own
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(
                "{\"currentPassword\":\"x\",\"newPassword\":\"y\"}");
    Reply reply =
        Platform.send(
            HttpRequest.newBuilder(Platform.uri(parts[1]))
                .header("Content-Type", "application/json")
                .method(parts[0], body));
    assertProblem(reply, 401, "unauthorized");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"garbage", "alg-none", "other-key", "wrong-audience", "wrong-issuer", "expired"})
  void tamperedTokensAreRefused(String kind) throws Exception {
    String email = email();
    String id = register(email).json().getString("id");
    assertProblem(me(forged(kind, id)), 401, "unauthorized");
  }

  /**
   * The very token the platform issued, spelled another way: with characters the base64 decoder
   * skips, with other values in the unused bits of the signature's last character (a 2048-bit RSA
   * signature leaves four), padded, or blown up past the size limit. Each decodes to the same
   * signature, and each was accepted, so one stolen token could be sent in endless spellings (each
   * a new entry of the verified-token cache). Only the token as issued is accepted, on the API and
   * on the chat socket.
   */
  @ParameterizedTest
  @ValueSource(strings = {"junk", "unused-bits", "padding", "too-long"})
  void aTokenSpelledAnotherWayIsRefused(String respelling) throws Exception {
    String email = email();
    register(email);
    String token = login(email, PASSWORD).json().getString("accessToken");
    assertEquals(200, me(token).status(), "the token as issued");
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    char last = token.charAt(token.length() - 1);
    String respelled =
        switch (respelling) {
          case "junk" ->
              token.substring(0, token.length() - 10) + "~" + token.substring(token.length() - 10);
          case "unused-bits" ->
              token.substring(0, token.length() - 1) + alphabet.charAt(alphabet.indexOf(last) ^ 1);
          case "padding" -> token + "==";
          case "too-long" -> token + "!".repeat(6_000);
          default -> throw new IllegalArgumentException(respelling);
        };
    assertProblem(me(respelled), 401, "unauthorized");
    // The socket of the token as issued stays open meanwhile: the test client stops its executors
    // when its last socket closes, and the refused one is closed by the server.
    try (ChatClient issued = ChatClient.bearer(token);
        ChatClient socket = ChatClient.anonymous()) {
      socket.send("{\"type\":\"auth\",\"token\":\"" + respelled + "\"}");
      assertEquals(
          4401,
          socket.closed.get(10, TimeUnit.SECONDS).getCloseCode().getCode(),
          "the chat socket refuses it too");
      assertTrue(issued.session.isOpen());
    }
    assertEquals(200, me(token).status(), "the token as issued still is");
  }

  /** Tokens an attacker might try; all but "other-key" are signed with the platform's real key. */
  private static String forged(String kind, String subject) throws Exception {
    RSAKey real = platformKey();
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer("dating-platform")
            .audience("dating-api")
            .subject(subject)
            .claim("upn", subject)
            .claim("groups", List.of("USER"))
            .jwtID(UUID.randomUUID().toString())
            .issueTime(new Date())
            .expirationTime(Date.from(Instant.now().plusSeconds(600)));
    RSAKey key = real;
    switch (kind) {
      case "garbage" -> {
        return "not.a.token";
      }
      case "alg-none" -> {
        String header =
            Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes());
        String body =
            Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(claims.build().toString().getBytes());
        return header + "." + body + ".";
      }
      case "other-key" -> key = new RSAKeyGenerator(2048).keyID(real.getKeyID()).generate();
      case "wrong-audience" -> claims.audience("someone-else");
      case "wrong-issuer" -> claims.issuer("https://evil.example");
      case "expired" ->
          claims
              .issueTime(Date.from(Instant.now().minusSeconds(3600)))
              .expirationTime(Date.from(Instant.now().minusSeconds(1800)));
      default -> throw new IllegalArgumentException(kind);
    }
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
            claims.build());
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  private static RSAKey platformKey() throws Exception {
    return AccessTokens.signingKey(
        Files.readString(Path.of(System.getProperty("it.platform.home"), "jwt/signing-key.pem")));
  }

  @Test
  void jwksPublishesTheKeyThatSignsTokens() throws Exception {
    Reply jwks = Platform.get("/api/v1/auth/jwks");
    assertEquals(200, jwks.status(), jwks::toString);
    JsonObject key = jwks.json().getJsonArray("keys").getJsonObject(0);
    assertEquals(platformKey().getKeyID(), key.getString("kid"));
    assertFalse(key.containsKey("d"), "no private part");
  }
}
