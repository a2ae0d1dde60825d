package app.dating.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dating.it.Platform.Reply;
import com.icegreen.greenmail.util.GreenMailUtil;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Email change: the current password is needed, and the new address counts only once its link is
 * followed.
 */
class EmailChangeIT {

  @Test
  void theNewAddressTakesEffectWhenItsLinkIsFollowed() throws Exception {
    Api.Account account = Api.register();
    account.verifyEmail();
    Api me = new Api().bearer(account.accessToken());
    String newEmail = "moved-" + UUID.randomUUID() + "@example.invalid";

    Reply wrongPassword =
        me.post(
            "/api/v1/me/email",
            "{\"newEmail\":\"" + newEmail + "\",\"currentPassword\":\"not it at all\"}");
    assertEquals(400, wrongPassword.status(), wrongPassword::toString);
    assertEquals(
        "currentPassword",
        wrongPassword.json().getJsonArray("errors").getJsonObject(0).getString("field"));

    Reply requested =
        me.post(
            "/api/v1/me/email",
            "{\"newEmail\":\"" + newEmail + "\",\"currentPassword\":\"" + Api.PASSWORD + "\"}");
    assertEquals(202, requested.status(), requested::toString);
    assertEquals(
        account.email(),
        me.get("/api/v1/me").json().getString("email"),
        "unchanged until the link is followed");

    String token = Api.tokenInMail(newEmail, "verify-email");
    assertEquals(
        204, new Api().post("/api/v1/auth/verify-email", "{\"token\":\"" + token + "\"}").status());

    var changed = me.get("/api/v1/me").json();
    assertEquals(newEmail, changed.getString("email"));
    assertTrue(changed.getBoolean("emailVerified"));
    new Api().login(newEmail, Api.PASSWORD);
    assertEquals(
        401,
        new Api()
            .post(
                "/api/v1/auth/login",
                "{\"email\":\"" + account.email() + "\",\"password\":\"" + Api.PASSWORD + "\"}")
            .status());
  }

  /** Issue #14 item 3: once the address changed, the account's other mailed links are void. */
  @Test
  void anEmailChangeVoidsEveryOtherMailedLinkOfTheAccount() throws Exception {
    Api.Account account = Api.register();
    account.verifyEmail();
    Api me = new Api().bearer(account.accessToken());
    String first = "moved-" + UUID.randomUUID() + "@example.invalid";
    String second = "moved-" + UUID.randomUUID() + "@example.invalid";
    for (String address : new String[] {first, second}) {
      Reply requested =
          me.post(
              "/api/v1/me/email",
              "{\"newEmail\":\"" + address + "\",\"currentPassword\":\"" + Api.PASSWORD + "\"}");
      assertEquals(202, requested.status(), requested::toString);
    }
    assertEquals(
        202,
        new Api()
            .post("/api/v1/auth/password-reset", "{\"email\":\"" + account.email() + "\"}")
            .status());
    String reset = Api.tokenInMail(account.email(), "reset-password");
    String toFirst = Api.tokenInMail(first, "verify-email");
    String toSecond = Api.tokenInMail(second, "verify-email");

    assertEquals(
        204,
        new Api().post("/api/v1/auth/verify-email", "{\"token\":\"" + toFirst + "\"}").status());

    Reply moveAgain =
        new Api().post("/api/v1/auth/verify-email", "{\"token\":\"" + toSecond + "\"}");
    assertEquals(400, moveAgain.status(), "a link to another new address is void: " + moveAgain);
    Reply oldReset =
        new Api()
            .post(
                "/api/v1/auth/password-reset/confirm",
                "{\"token\":\"" + reset + "\",\"newPassword\":\"someone else's passphrase 7\"}");
    assertEquals(
        400, oldReset.status(), "a reset link mailed to the old address is void: " + oldReset);
    assertEquals(first, me.get("/api/v1/me").json().getString("email"));
  }

  @Test
  void anAddressOfAnotherAccountGetsANoticeAndNothingChanges() throws Exception {
    Api.Account owner = Api.register();
    Api.Account other = Api.register();
    Api me = new Api().bearer(other.accessToken());

    Reply requested =
        me.post(
            "/api/v1/me/email",
            "{\"newEmail\":\""
                + owner.email()
                + "\",\"currentPassword\":\""
                + Api.PASSWORD
                + "\"}");
    assertEquals(202, requested.status(), "the same answer as for a free address: " + requested);

    long deadline = System.currentTimeMillis() + 30_000;
    while (MailServer.receivedBy(owner.email()).stream()
        .noneMatch(m -> GreenMailUtil.getBody(m).contains("nothing was changed"))) {
      assertTrue(System.currentTimeMillis() < deadline, "no notice mailed to " + owner.email());
      Thread.sleep(100);
    }
    assertFalse(
        MailServer.receivedBy(owner.email()).stream()
            .anyMatch(m -> GreenMailUtil.getBody(m).contains("new email address")),
        "no link to take the address over");
    assertEquals(other.email(), me.get("/api/v1/me").json().getString("email"));
  }

  @Test
  void theSameAddressIsRefused() {
    Api.Account account = Api.register();
    Reply reply =
        new Api()
            .bearer(account.accessToken())
            .post(
                "/api/v1/me/email",
                "{\"newEmail\":\""
                    + account.email()
                    + "\",\"currentPassword\":\""
                    + Api.PASSWORD
                    + "\"}");
    assertEquals(400, reply.status(), reply::toString);
    assertEquals(
        "newEmail", reply.json().getJsonArray("errors").getJsonObject(0).getString("field"));
  }
}
