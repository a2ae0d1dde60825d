package app.dating.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dating.it.Platform.Reply;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Password recovery: a single-use mailed link, valid 30 minutes; the same answer for unknown
 * addresses.
 */
class RecoveryIT {
  private static final String NEW_PASSWORD = "a whole new passphrase 42";

  @Test
  void theMailedLinkSetsANewPasswordOnceAndEndsEverySession() throws Exception {
    Api.Account account = Api.register();
    JsonObject before = account.login();

    Reply requested =
        new Api()
            .post(
                "/api/v1/auth/password-reset",
                "{\"email\":\"" + account.email().toUpperCase() + "\"}");
    assertEquals(202, requested.status(), requested::toString);
    String token = Api.tokenInMail(account.email(), "reset-password");

    try (Connection db = Database.connect()) {
      String validMinutes =
          Database.string(
              db,
              "select round(extract(epoch from expires_at - created_at) / 60)::text"
                  + " from one_time_token where account_id = ?::uuid and purpose = 'RESET_PASSWORD'",
              account.id());
      assertEquals("30", validMinutes);
    }

    Api api = new Api();
    Reply weak =
        api.post(
            "/api/v1/auth/password-reset/confirm",
            "{\"token\":\"" + token + "\",\"newPassword\":\"password\"}");
    assertEquals(400, weak.status(), weak::toString);
    assertEquals(
        "newPassword", weak.json().getJsonArray("errors").getJsonObject(0).getString("field"));

    Reply reset =
        api.post(
            "/api/v1/auth/password-reset/confirm",
            "{\"token\":\"" + token + "\",\"newPassword\":\"" + NEW_PASSWORD + "\"}");
    assertEquals(204, reset.status(), reset::toString);

    Reply again =
        api.post(
            "/api/v1/auth/password-reset/confirm",
            "{\"token\":\"" + token + "\",\"newPassword\":\"" + NEW_PASSWORD + "x\"}");
    assertEquals(400, again.status(), "single use: " + again);

    assertEquals(
        401,
        new Api().bearer(before.getString("accessToken")).get("/api/v1/me").status(),
        "access tokens end");
    assertEquals(
        401,
        api.post(
                "/api/v1/auth/refresh",
                "{\"refreshToken\":\"" + before.getString("refreshToken") + "\"}")
            .status(),
        "refresh tokens end");
    assertEquals(
        401,
        api.post(
                "/api/v1/auth/login",
                "{\"email\":\"" + account.email() + "\",\"password\":\"" + Api.PASSWORD + "\"}")
            .status());
    assertNotNull(api.login(account.email(), NEW_PASSWORD).getString("accessToken"));

    try (Connection db = Database.connect()) {
      assertEquals(
          "1",
          Database.string(
              db,
              "select count(*)::text from audit_event where actor_id = ?::uuid and action = 'PASSWORD_RESET'",
              account.id()));
    }
  }

  /** Every token of the links mailed to {@code address} for {@code page}, oldest first. */
  static List<String> tokensInMail(String address, String page, int atLeast)
      throws InterruptedException {
    Pattern link = Pattern.compile("/" + page + "\\?token=([A-Za-z0-9_-]{43})");
    long deadline = System.currentTimeMillis() + 30_000;
    List<String> tokens = List.of();
    while (System.currentTimeMillis() < deadline) {
      tokens =
          MailServer.receivedBy(address).stream()
              .map(GreenMailUtil::getBody)
              .map(link::matcher)
              .filter(Matcher::find)
              .map(m -> m.group(1))
              .toList();
      if (tokens.size() >= atLeast) {
        return tokens;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(
        atLeast + " " + page + " links expected for " + address + ", got " + tokens.size());
  }

  /** Issue #14 item 3: after a reset, every other mailed link of the account is void. */
  @Test
  void aResetVoidsEveryOtherMailedLinkOfTheAccount() throws Exception {
    Api.Account account = Api.register();
    String verification = Api.tokenInMail(account.email(), "verify-email");
    for (int i = 0; i < 2; i++) {
      assertEquals(
          202,
          new Api()
              .post("/api/v1/auth/password-reset", "{\"email\":\"" + account.email() + "\"}")
              .status());
    }
    List<String> resets = tokensInMail(account.email(), "reset-password", 2);

    Reply reset =
        new Api()
            .post(
                "/api/v1/auth/password-reset/confirm",
                "{\"token\":\"" + resets.get(1) + "\",\"newPassword\":\"" + NEW_PASSWORD + "\"}");
    assertEquals(204, reset.status(), reset::toString);

    Reply older =
        new Api()
            .post(
                "/api/v1/auth/password-reset/confirm",
                "{\"token\":\""
                    + resets.get(0)
                    + "\",\"newPassword\":\"someone else's passphrase 7\"}");
    assertEquals(400, older.status(), "an older reset link is void after a reset: " + older);
    Reply verify =
        new Api().post("/api/v1/auth/verify-email", "{\"token\":\"" + verification + "\"}");
    assertEquals(400, verify.status(), "so is a verification link: " + verify);
    new Api().login(account.email(), NEW_PASSWORD);
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
      assertEquals(
          202,
          new Api().post("/api/v1/auth/password-reset", "{\"email\":\"" + email + "\"}").status());
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
      Reply reply =
          new Api()
              .post(
                  "/api/v1/auth/password-reset/confirm",
                  "{\"token\":\"" + token + "\",\"newPassword\":\"" + NEW_PASSWORD + "\"}");
      assertEquals(400, reply.status(), reply::toString);
    }
    account.login();
  }
}
