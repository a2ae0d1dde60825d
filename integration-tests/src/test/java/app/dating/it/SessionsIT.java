package app.dating.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dating.it.Platform.Reply;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Refresh tokens: rotated on each use, a replay revokes the family, logout and logout-everywhere.
 */
class SessionsIT {
  private static final String PASSWORD = "correct horse battery staple";
  private final String ip =
      "198.19."
          + ThreadLocalRandom.current().nextInt(256)
          + "."
          + ThreadLocalRandom.current().nextInt(1, 255);
  private String email;
  private String accountId;

  private Reply post(String path, String json, String bearer) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(Platform.uri(path))
            .header("Content-Type", "application/json")
            .header("X-Forwarded-For", ip)
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return Platform.send(request);
  }

  @BeforeEach
  void register() {
    email = "it-" + UUID.randomUUID() + "@example.invalid";
    Reply reply =
        post(
            "/api/v1/auth/register",
            "{\"email\":\""
                + email
                + "\",\"password\":\""
                + PASSWORD
                + "\",\"displayName\":\"Robin\",\"birthDate\":\""
                + LocalDate.now().minusYears(33)
                + "\"}",
            null);
    assertEquals(201, reply.status(), reply::toString);
    accountId = reply.json().getString("id");
  }

  private JsonObject login() {
    Reply reply =
        post(
            "/api/v1/auth/login",
            "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}",
            null);
    assertEquals(200, reply.status(), reply::toString);
    return reply.json();
  }

  private Reply refresh(String token) {
    return post("/api/v1/auth/refresh", "{\"refreshToken\":\"" + token + "\"}", null);
  }

  private static int me(String accessToken) {
    return Platform.send(
            HttpRequest.newBuilder(Platform.uri("/api/v1/me"))
                .header("Authorization", "Bearer " + accessToken))
        .status();
  }

  @Test
  void refreshRotatesTheToken() throws Exception {
    JsonObject first = login();
    String refreshToken = first.getString("refreshToken");
    assertTrue(
        refreshToken.matches("[A-Za-z0-9_-]{43}"), "256 random bits, base64url: " + refreshToken);
    assertTrue(first.getInt("refreshExpiresIn") > 29 * 24 * 3600);

    Reply refreshed = refresh(refreshToken);
    assertEquals(200, refreshed.status(), refreshed::toString);
    String next = refreshed.json().getString("refreshToken");
    assertNotEquals(refreshToken, next);
    assertEquals(200, me(refreshed.json().getString("accessToken")));
    assertTrue(
        refreshed.json().getInt("refreshExpiresIn") <= first.getInt("refreshExpiresIn"),
        "the family's expiry is absolute");

    try (Connection db = Database.connect()) {
      List<String> hashes =
          Database.strings(
              db,
              "select token_hash from refresh_token where account_id = ?::uuid order by created_at",
              accountId);
      assertEquals(List.of(sha256(refreshToken), sha256(next)), hashes, "only hashes are stored");
    }
  }

  @Test
  void replayingAUsedTokenRevokesTheWholeFamily() throws Exception {
    String stolen = login().getString("refreshToken");
    String legitimate = refresh(stolen).json().getString("refreshToken");

    Reply replay = refresh(stolen);
    assertEquals(401, replay.status(), replay::toString);
    assertEquals("urn:dating:problem:unauthorized", replay.json().getString("type"));
    assertEquals(
        401,
        refresh(legitimate).status(),
        "the family is revoked: the other holder is signed out too");

    try (Connection db = Database.connect()) {
      assertEquals(
          List.of("REFRESH_TOKEN_REUSE FAILURE"),
          Database.strings(
              db,
              "select action || ' ' || outcome from audit_event where actor_id = ?::uuid and action = 'REFRESH_TOKEN_REUSE'",
              accountId));
    }
  }

  /**
   * Issue #14 item 3: a replay also ends the family's access tokens, not only its refresh tokens.
   */
  @Test
  void replayingAUsedTokenEndsTheFamilysAccessTokensAtOnce() {
    JsonObject first = login();
    JsonObject other = login();
    JsonObject rotated = refresh(first.getString("refreshToken")).json();
    assertEquals(200, me(rotated.getString("accessToken")));

    assertEquals(401, refresh(first.getString("refreshToken")).status());

    assertEquals(
        401,
        me(rotated.getString("accessToken")),
        "the thief's (or owner's) live access token ends too");
    assertEquals(401, me(first.getString("accessToken")));
    assertEquals(200, me(other.getString("accessToken")), "another session goes on");
  }

  @Test
  void logoutEndsOneSessionOnly() {
    JsonObject phone = login();
    JsonObject laptop = login();
    assertEquals(
        204,
        post(
                "/api/v1/auth/logout",
                "{\"refreshToken\":\"" + phone.getString("refreshToken") + "\"}",
                null)
            .status());
    assertEquals(401, refresh(phone.getString("refreshToken")).status());
    assertEquals(401, me(phone.getString("accessToken")), "its access token ends at once");
    assertEquals(200, me(laptop.getString("accessToken")));
    assertEquals(200, refresh(laptop.getString("refreshToken")).status());
  }

  @Test
  void logoutEverywhereEndsEverySession() {
    JsonObject phone = login();
    String laptop = login().getString("refreshToken");
    assertEquals(
        204, post("/api/v1/auth/logout-everywhere", "", phone.getString("accessToken")).status());
    assertEquals(401, me(phone.getString("accessToken")), "access tokens end at once too");
    assertEquals(401, refresh(phone.getString("refreshToken")).status());
    assertEquals(401, refresh(laptop).status());
  }

  @Test
  void changingThePasswordEndsTheOtherSessions() {
    JsonObject phone = login();
    JsonObject laptopSession = login();
    String laptop = laptopSession.getString("refreshToken");
    String newPassword = "a brand new passphrase " + UUID.randomUUID();
    Reply changed =
        post(
            "/api/v1/me/password",
            "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"" + newPassword + "\"}",
            phone.getString("accessToken"));
    assertEquals(204, changed.status(), changed::toString);
    assertEquals(401, refresh(laptop).status(), "the other session ended");
    assertEquals(401, me(laptopSession.getString("accessToken")), "with its access token");
    assertEquals(200, me(phone.getString("accessToken")));
    assertEquals(
        200,
        refresh(phone.getString("refreshToken")).status(),
        "the session that changed it goes on");
    assertEquals(
        401,
        post(
                "/api/v1/auth/login",
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}",
                null)
            .status());
    assertEquals(
        200,
        post(
                "/api/v1/auth/login",
                "{\"email\":\"" + email + "\",\"password\":\"" + newPassword + "\"}",
                null)
            .status());
  }

  @Test
  void changingThePasswordNeedsTheCurrentOneAndAGoodNewOne() {
    String access = login().getString("accessToken");
    Reply wrong =
        post(
            "/api/v1/me/password",
            "{\"currentPassword\":\"guess\",\"newPassword\":\"another fine passphrase\"}",
            access);
    assertEquals(400, wrong.status(), wrong::toString);
    assertEquals(
        "currentPassword", wrong.json().getJsonArray("errors").getJsonObject(0).getString("field"));
    Reply weak =
        post(
            "/api/v1/me/password",
            "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"12345678\"}",
            access);
    assertEquals(400, weak.status(), weak::toString);
    assertEquals(
        "newPassword", weak.json().getJsonArray("errors").getJsonObject(0).getString("field"));
  }

  @Test
  void logoutEverywhereNeedsAnAccessToken() {
    assertEquals(401, post("/api/v1/auth/logout-everywhere", "", null).status());
  }

  @Test
  void unknownOrMalformedTokensAreRefused() {
    assertEquals(401, refresh("A".repeat(43)).status());
    assertEquals(401, refresh("short").status());
    Reply missing = post("/api/v1/auth/refresh", "{}", null);
    assertEquals(400, missing.status(), missing::toString);
    assertEquals(
        "refreshToken", missing.json().getJsonArray("errors").getJsonObject(0).getString("field"));
  }

  private static String sha256(String token) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
  }
}
