package app.dating.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dating.it.Platform.Reply;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Password recovery: a single-use mailed link, valid 30 minutes; the same answer for unknown addresses. */
class RecoveryIT {
  private static final String NEW_PASSWORD = "a whole new passphrase 42";

  @Test
  void theMailedLinkSetsANewPasswordOnceAndEndsEverySession() throws Exception {
    Api.Account account = Api.register();
    JsonObject before = account.login();

    Reply requested = new Api().post("/api/v1/auth/password-reset", "{\"email\":\"" + account.email().toUpperCase() + "\"}");
    assertEquals(202, requested.status(), requested::toString);
    String token = Api.tokenInMail(account.email(), "reset-password");

    try (Connection db = Database.connect()) {
      String validMinutes = Database.string(db, "select round(extract(epoch from expires_at - created_at) / 60)::text"
          + " from one_time_token where account_id = ?::uuid and purpose = 'RESET_PASSWORD'", account.id());
      assertEquals("30", validMinutes);
    }

    Api api = new Api();
    Reply weak = api.post("/api/v1/auth/password-reset/confirm", "{\"token\":\"" + token + "\",\"newPassword\":\"password\"}");
    assertEquals(400, weak.status(), weak::toString);
    assertEquals("newPassword", weak.json().getJsonArray("errors").getJsonObject(0).getString("field"));

    Reply reset = api.post("/api/v1/auth/password-reset/confirm", "{\"token\":\"" + token + "\",\"newPassword\":\"" + NEW_PASSWORD + "\"}");
    assertEquals(204, reset.status(), reset::toString);

    Reply again = api.post("/api/v1/auth/password-reset/confirm", "{\"token\":\"" + token + "\",\"newPassword\":\"" + NEW_PASSWORD + "x\"}");
    assertEquals(400, again.status(), "single use: " + again);

    assertEquals(401, new Api().bearer(before.getString("accessToken")).get("/api/v1/me").status(), "access tokens end");
    assertEquals(401, api.post("/api/v1/auth/refresh", "{\"refreshToken\":\"" + before.getString("refreshToken") + "\"}").status(),
        "refresh tokens end");
    assertEquals(401, api.post("/api/v1/auth/login", "{\"email\":\"" + account.email() + "\",\"password\":\"" + Api.PASSWORD + "\"}").status());
    assertNotNull(api.login(account.email(), NEW_PASSWORD).getString("accessToken"));

    try (Connection db = Database.connect()) {
      assertEquals("1", Database.string(db, "select count(*)::text from audit_event where actor_id = ?::uuid and action = 'PASSWORD_RESET'", account.id()));
    }
  }

  @Test
  void unknownAddressesGetTheSameAnswerAndNoMail() throws Exception {
    String unknown = "nobody-" + UUID.randomUUID() + "@example.invalid";
    Reply reply = new Api().post("/api/v1/auth/password-reset", "{\"email\":\"" + unknown + "\"}");
    assertEquals(202, reply.status(), reply::toString);
    assertEquals("", reply.body());
    Thread.sleep(1500);
    assertTrue(MailServer.receivedBy(unknown).isEmpty());
  }

  @Test
  void requestsAreRateLimitedPerAddress() {
    String email = "nobody-" + UUID.randomUUID() + "@example.invalid";
    for (int i = 0; i < 3; i++) {
      assertEquals(202, new Api().post("/api/v1/auth/password-reset", "{\"email\":\"" + email + "\"}").status());
    }
    Reply limited = new Api().post("/api/v1/auth/password-reset", "{\"email\":\"" + email + "\"}");
    assertEquals(429, limited.status(), limited::toString);
    assertNotNull(limited.header("Retry-After"));
    assertEquals("application/problem+json", limited.contentType());
  }

  @Test
  void madeUpAndWrongPurposeTokensAreRefused() throws Exception {
    Api.Account account = Api.register();
    String verification = Api.tokenInMail(account.email(), "verify-email");
    for (String token : new String[] {verification, "x".repeat(43), "short"}) {
      Reply reply = new Api().post("/api/v1/auth/password-reset/confirm", "{\"token\":\"" + token + "\",\"newPassword\":\"" + NEW_PASSWORD + "\"}");
      assertEquals(400, reply.status(), reply::toString);
    }
    account.login();
  }
}
