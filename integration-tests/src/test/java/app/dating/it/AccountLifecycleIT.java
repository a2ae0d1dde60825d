package app.dating.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dating.it.Platform.Reply;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Deleting an account ends everything at once; after the grace period (1 s here) its personal data
 * is erased and only the id and the audit trail remain. The data export shows what is kept.
 */
class AccountLifecycleIT {
  private static final String PASSWORD = "correct horse battery staple";
  private final String ip = "198.18.201." + ThreadLocalRandom.current().nextInt(1, 255);
  private String email;
  private String accountId;
  private JsonObject session;

  private Reply send(String method, String path, String json, String bearer) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(Platform.uri(path))
            .header("Content-Type", "application/json")
            .header("X-Forwarded-For", ip)
            .header("User-Agent", "LifecycleIT")
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return Platform.send(request);
  }

  @BeforeEach
  void signUpAndIn() {
    email = "it-" + UUID.randomUUID() + "@example.invalid";
    Reply registered =
        send(
            "POST",
            "/api/v1/auth/register",
            "{\"email\":\""
                + email
                + "\",\"password\":\""
                + PASSWORD
                + "\",\"displayName\":\"Noa\",\"birthDate\":\""
                + LocalDate.now().minusYears(27)
                + "\"}",
            null);
    assertEquals(201, registered.status(), registered::toString);
    accountId = registered.json().getString("id");
    session =
        send(
                "POST",
                "/api/v1/auth/login",
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}",
                null)
            .json();
  }

  @Test
  void deletionNeedsTheCurrentPassword() {
    Reply reply =
        send(
            "DELETE",
            "/api/v1/me",
            "{\"currentPassword\":\"not it\"}",
            session.getString("accessToken"));
    assertEquals(400, reply.status(), reply::toString);
    assertEquals(
        "currentPassword", reply.json().getJsonArray("errors").getJsonObject(0).getString("field"));
    assertEquals(200, send("GET", "/api/v1/me", null, session.getString("accessToken")).status());
  }

  @Test
  void deletionEndsEverythingAtOnceAndErasesPersonalDataAfterTheGracePeriod() throws Exception {
    Reply deleted =
        send(
            "DELETE",
            "/api/v1/me",
            "{\"currentPassword\":\"" + PASSWORD + "\"}",
            session.getString("accessToken"));
    assertEquals(204, deleted.status(), deleted::toString);

    assertEquals(
        401,
        send("GET", "/api/v1/me", null, session.getString("accessToken")).status(),
        "access token ended");
    assertEquals(
        401,
        send(
                "POST",
                "/api/v1/auth/refresh",
                "{\"refreshToken\":\"" + session.getString("refreshToken") + "\"}",
                null)
            .status());
    assertEquals(
        401,
        send(
                "POST",
                "/api/v1/auth/login",
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}",
                null)
            .status());

    try (Connection db = Database.connect()) {
      Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
      while (Database.strings(
              db,
              "select erased_at from account where id = ?::uuid and erased_at is not null",
              accountId)
          .isEmpty()) {
        assertTrue(Instant.now().isBefore(deadline), "erased within 30 s");
        Thread.sleep(250);
      }
      assertEquals(
          "DELETED|erased-" + accountId + "@erased.invalid|Deleted account|1900-01-01|null",
          Database.string(
              db,
              "select status || '|' || email || '|' || display_name || '|' || birth_date || '|' || coalesce(password_hash, 'null')"
                  + " from account where id = ?::uuid",
              accountId));
      assertEquals(
          "0",
          Database.string(
              db, "select count(*) from refresh_token where account_id = ?::uuid", accountId));
      assertEquals(
          "0",
          Database.string(
              db, "select count(*) from one_time_token where account_id = ?::uuid", accountId));
      assertEquals(
          "0",
          Database.string(
              db, "select count(*) from web_session where account_id = ?::uuid", accountId));
      assertEquals(
          "0",
          Database.string(
              db,
              "select count(*) from audit_event where actor_id = ?::uuid and subject is not null",
              accountId),
          "the account's own audit trail holds no email");
      List<String> trail =
          Database.strings(
              db, "select action from audit_event where actor_id = ?::uuid order by id", accountId);
      assertEquals(
          List.of("REGISTER", "LOGIN", "LOGOUT_EVERYWHERE", "ACCOUNT_DELETED", "ACCOUNT_ERASED"),
          trail);
    }
    Reply again =
        send(
            "POST",
            "/api/v1/auth/register",
            "{\"email\":\""
                + email
                + "\",\"password\":\""
                + PASSWORD
                + "\",\"displayName\":\"Noa\",\"birthDate\":\""
                + LocalDate.now().minusYears(27)
                + "\"}",
            null);
    assertEquals(201, again.status(), "the address is free again: " + again);
  }
}
