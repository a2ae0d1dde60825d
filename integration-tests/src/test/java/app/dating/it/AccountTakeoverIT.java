package app.dating.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dating.it.Platform.Reply;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Pre-account hijacking (issue #14, item 1): whoever opens an account with someone else's address
 * before they do, or signs in with a provider that did not verify it, keeps no way in once the
 * owner proves the address; linking a provider needs a proven address and the current password; the
 * first admin needs a mailed link or an operator; every link and unlink is mailed.
 */
class AccountTakeoverIT {
  private static final String BIRTH_DATE = "\",\"birthDate\":\"1990-04-01\"}";

  private static Map<String, Object> claims(String email, boolean verified) {
    return Map.of("email", email, "email_verified", verified, "name", "Provider Person");
  }

  private static Reply googleSignIn(String subject, String email, boolean verified) {
    return new Api()
        .post(
            "/api/v1/auth/providers/google",
            "{\"idToken\":\""
                + ProviderSignInIT.idToken("google", subject, claims(email, verified))
                + BIRTH_DATE);
  }

  private static String victim() {
    return "victim-" + UUID.randomUUID() + "@example.org";
  }

  private static int identities(Api api) {
    return api.get("/api/v1/me/identities").structure().asJsonArray().size();
  }

  private static List<String> groups(String accessToken) {
    return Api.claims(accessToken).getJsonArray("groups").getValuesAs(JsonString.class).stream()
        .map(JsonString::getString)
        .toList();
  }

  /** The first mail to {@code address} whose subject contains {@code words}, within 30 s. */
  static MimeMessage awaitMail(String address, String words) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(30);
    while (Instant.now().isBefore(deadline)) {
      Optional<MimeMessage> mail =
          MailServer.receivedBy(address).stream()
              .filter(m -> subject(m).contains(words))
              .findFirst();
      if (mail.isPresent()) {
        return mail.get();
      }
      Thread.sleep(100);
    }
    throw new AssertionError(
        "no mail \"…"
            + words
            + "…\" to "
            + address
            + "; got "
            + MailServer.receivedBy(address).stream().map(AccountTakeoverIT::subject).toList());
  }

  private static String subject(MimeMessage mail) {
    try {
      return mail.getSubject();
    } catch (MessagingException e) {
      return "";
    }
  }

  @Test
  void linkingAProviderNeedsAProvenAddress() {
    Api.Account account = Api.register();
    Api me = new Api().bearer(account.accessToken());

    Reply refused =
        me.post(
            "/api/v1/me/identities/google",
            ProviderSignInIT.linkBody(
                ProviderSignInIT.idToken(
                    "google", "g-" + UUID.randomUUID(), claims(account.email(), true))));

    assertEquals(403, refused.status(), "an unverified account links nothing: " + refused);
    assertEquals(0, identities(me));
  }

  @Test
  void linkingAProviderNeedsTheCurrentPassword() throws Exception {
    Api.Account account = Api.register();
    Api me = ProviderSignInIT.verifiedAndSignedIn(account);
    String subject = "g-" + UUID.randomUUID();
    String token = ProviderSignInIT.idToken("google", subject, claims(account.email(), true));

    Reply without = me.post("/api/v1/me/identities/google", "{\"idToken\":\"" + token + "\"}");
    assertEquals(400, without.status(), "a stolen session alone links nothing: " + without);
    assertEquals(
        "currentPassword",
        without.json().getJsonArray("errors").getJsonObject(0).getString("field"));
    Reply wrong =
        me.post(
            "/api/v1/me/identities/google",
            "{\"idToken\":\""
                + ProviderSignInIT.idToken("google", subject, claims(account.email(), true))
                + "\",\"currentPassword\":\"not it at all\"}");
    assertEquals(400, wrong.status(), wrong::toString);
    assertEquals(0, identities(me));

    Reply linked =
        me.post(
            "/api/v1/me/identities/google",
            ProviderSignInIT.linkBody(
                ProviderSignInIT.idToken("google", subject, claims(account.email(), true))));
    assertEquals(200, linked.status(), linked::toString);
  }

  /** An account without a password links a provider only with a sign-in of the last 10 minutes. */
  @Test
  void anAccountWithoutAPasswordLinksOnlyRightAfterSigningIn() throws Exception {
    java.util.function.Supplier<Reply> appleAccount =
        () ->
            new Api()
                .post(
                    "/api/v1/auth/providers/apple",
                    "{\"idToken\":\""
                        + ProviderSignInIT.idToken(
                            "apple",
                            "a-" + UUID.randomUUID(),
                            claims(
                                UUID.randomUUID().toString().substring(0, 8)
                                    + "@privaterelay.appleid.com",
                                true))
                        + BIRTH_DATE);
    Reply fresh = appleAccount.get();
    assertEquals(200, fresh.status(), fresh::toString);
    Reply linked =
        new Api()
            .bearer(fresh.json().getString("accessToken"))
            .post(
                "/api/v1/me/identities/google",
                "{\"idToken\":\""
                    + ProviderSignInIT.idToken(
                        "google", "g-" + UUID.randomUUID(), claims(victim(), true))
                    + "\"}");
    assertEquals(200, linked.status(), "signed in a moment ago: " + linked);

    Reply stale = appleAccount.get();
    String staleId = Api.claims(stale.json().getString("accessToken")).getString("sub");
    Database.update(
        "update refresh_token set created_at = created_at - interval '11 minutes' where account_id = ?::uuid",
        staleId);
    Reply refused =
        new Api()
            .bearer(stale.json().getString("accessToken"))
            .post(
                "/api/v1/me/identities/google",
                "{\"idToken\":\""
                    + ProviderSignInIT.idToken(
                        "google", "g-" + UUID.randomUUID(), claims(victim(), true))
                    + "\"}");
    assertEquals(
        403,
        refused.status(),
        "a session of 11 minutes ago (perhaps stolen) links nothing: " + refused);
  }

  /**
   * The first proof of an address ends every session, refresh family, provider link and key bundle
   * made before it: they may be someone else's who registered the address first.
   */
  @Test
  void followingTheVerificationLinkEndsEverythingMadeBeforeIt() throws Exception {
    Api.Account account = Api.register(victim());
    JsonObject tokens = account.login();
    Api before = new Api().bearer(tokens.getString("accessToken"));
    Reply browser =
        new Api()
            .post(
                "/api/v1/auth/session",
                "{\"email\":\"" + account.email() + "\",\"password\":\"" + Api.PASSWORD + "\"}");
    assertEquals(200, browser.status(), browser::toString);
    Api cookie =
        new Api()
            .cookie(
                browser.header("Set-Cookie").split(";")[0], browser.json().getString("csrfToken"));
    Reply keys = before.put("/api/v1/me/keys", EndToEndKeysIT.bundle(3));
    assertEquals(204, keys.status(), keys::toString);
    // A link made before the rule that links need a proven address (or by an older version).
    assertEquals(
        1,
        Database.update(
            "insert into external_identity (provider, subject, account_id, email, linked_at)"
                + " values ('GOOGLE', 'g-planted-' || gen_random_uuid(), ?::uuid, 'attacker@example.org', now())",
            account.id()));

    account.verifyEmail();

    assertEquals(401, before.get("/api/v1/me").status(), "access tokens made before the proof end");
    assertEquals(
        401,
        new Api()
            .post(
                "/api/v1/auth/refresh",
                "{\"refreshToken\":\"" + tokens.getString("refreshToken") + "\"}")
            .status(),
        "so do refresh families");
    assertEquals(401, cookie.get("/api/v1/me").status(), "and browser sessions");
    try (Connection db = Database.connect()) {
      assertEquals(
          "0",
          Database.string(
              db,
              "select count(*)::text from external_identity where account_id = ?::uuid",
              account.id()));
      assertEquals(
          "0",
          Database.string(
              db,
              "select count(*)::text from e2e_identity where account_id = ?::uuid",
              account.id()));
      assertEquals(
          "0",
          Database.string(
              db,
              "select count(*)::text from e2e_one_time_prekey where account_id = ?::uuid",
              account.id()));
    }
    Api after = new Api().bearer(account.accessToken());
    assertTrue(after.get("/api/v1/me").json().getBoolean("emailVerified"));
  }

  /**
   * The whole attack: someone signs in with a provider that does not vouch for the victim's
   * address, the victim "recovers" the account with a password reset, and the attacker's provider
   * sign-in no longer leads into it.
   */
  @Test
  void aResetOnANeverVerifiedAccountEndsTheAttackersProviderSignIn() throws Exception {
    String email = victim();
    String attacker = "g-attacker-" + UUID.randomUUID();
    Reply planted = googleSignIn(attacker, email, false);
    assertEquals(200, planted.status(), planted::toString);
    String accountId = Api.claims(planted.json().getString("accessToken")).getString("sub");
    Api attackerSession = new Api().bearer(planted.json().getString("accessToken"));

    assertEquals(
        202,
        new Api().post("/api/v1/auth/password-reset", "{\"email\":\"" + email + "\"}").status());
    String token = Api.tokenInMail(email, "reset-password");
    String newPassword = "the owner's own passphrase " + UUID.randomUUID();
    Reply reset =
        new Api()
            .post(
                "/api/v1/auth/password-reset/confirm",
                "{\"token\":\"" + token + "\",\"newPassword\":\"" + newPassword + "\"}");
    assertEquals(204, reset.status(), reset::toString);

    assertEquals(401, attackerSession.get("/api/v1/me").status());
    Reply again = googleSignIn(attacker, email, false);
    assertFalse(
        again.status() == 200
            && accountId.equals(Api.claims(again.json().getString("accessToken")).getString("sub")),
        "the attacker's Google sign-in still leads into the owner's account: " + again);
    Api owner = new Api().bearer(new Api().login(email, newPassword).getString("accessToken"));
    assertEquals(accountId, owner.get("/api/v1/me").json().getString("id"));
    assertTrue(
        owner.get("/api/v1/me").json().getBoolean("emailVerified"), "the reset proved the address");
    assertEquals(0, identities(owner));
  }

  /** A provider account holds an address its provider did not verify only until its owner comes. */
  @Test
  void anUnverifiedProviderAddressNeverBlocksItsOwnersRegistration() throws Exception {
    String email = victim();
    Reply squatter = googleSignIn("g-squatter-" + UUID.randomUUID(), email, false);
    assertEquals(200, squatter.status(), squatter::toString);
    String squatterId = Api.claims(squatter.json().getString("accessToken")).getString("sub");

    Reply registered =
        new Api()
            .post(
                "/api/v1/auth/register",
                "{\"email\":\""
                    + email
                    + "\",\"password\":\""
                    + Api.PASSWORD
                    + "\",\"displayName\":\"Owner\",\"birthDate\":\""
                    + LocalDate.now().minusYears(30)
                    + "\"}");
    assertEquals(201, registered.status(), registered::toString);
    JsonObject owner = new Api().login(email, Api.PASSWORD);
    String ownerId = Api.claims(owner.getString("accessToken")).getString("sub");
    assertNotEquals(squatterId, ownerId, "the owner has an account of their own");
    new Api.Account(ownerId, email, new Api()).verifyEmail();

    Api squatterApi = new Api().bearer(squatter.json().getString("accessToken"));
    JsonObject squatterNow = squatterApi.get("/api/v1/me").json();
    assertNotEquals(
        email, squatterNow.getString("email"), "the unproven claim on the address is gone");
    assertFalse(squatterNow.getBoolean("emailVerified"));
  }

  @Test
  void anUnverifiedProviderAddressNeverBlocksItsOwnersProviderSignIn() {
    String email = victim();
    Reply squatter = googleSignIn("g-squatter-" + UUID.randomUUID(), email, false);
    assertEquals(200, squatter.status(), squatter::toString);
    String squatterId = Api.claims(squatter.json().getString("accessToken")).getString("sub");

    Reply owner = googleSignIn("g-owner-" + UUID.randomUUID(), email, true);
    assertEquals(
        200, owner.status(), "the owner, whose address Google verified, is not blocked: " + owner);
    assertNotEquals(squatterId, Api.claims(owner.json().getString("accessToken")).getString("sub"));
    JsonObject me =
        new Api().bearer(owner.json().getString("accessToken")).get("/api/v1/me").json();
    assertEquals(email, me.getString("email"));
    assertTrue(me.getBoolean("emailVerified"));
  }

  /**
   * The configured first admin address makes an admin only once a mailed link proved it; an address
   * a provider vouches for does not. (The address is shared with RolesIT: whoever holds it is
   * parked under another address for the test and put back after.)
   */
  @Test
  void anAddressOnlyAProviderVerifiedNeverMakesTheFirstAdmin() throws Exception {
    String parked = "parked-" + UUID.randomUUID() + "@example.invalid";
    int held =
        Database.update(
            "update account set email = '" + parked + "' where lower(email) = ?",
            RolesIT.FIRST_ADMIN);
    try {
      String subject = "g-admin-" + UUID.randomUUID();
      Reply opened = googleSignIn(subject, RolesIT.FIRST_ADMIN, true);
      assertEquals(200, opened.status(), opened::toString);
      Reply signedIn = googleSignIn(subject, RolesIT.FIRST_ADMIN, true); // where the grant ran
      assertEquals(200, signedIn.status(), signedIn::toString);
      assertEquals(
          List.of("USER"),
          groups(signedIn.json().getString("accessToken")),
          "ADMIN only after a mailed link or an operator's command");
    } finally {
      Database.update(
          "update account set email = 'google-"
              + UUID.randomUUID()
              + "@example.invalid' where lower(email) = ?",
          RolesIT.FIRST_ADMIN);
      if (held > 0) {
        Database.update(
            "update account set email = '" + RolesIT.FIRST_ADMIN + "' where email = ?", parked);
      }
    }
  }

  private static Process platform(String... arguments) throws Exception {
    List<String> command =
        new java.util.ArrayList<>(
            List.of(Platform.ROOT.resolve("payara-config/bin/platform").toString()));
    command.addAll(List.of(arguments));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(
                Path.of(System.getProperty("it.platform.home"), "grant-admin-it.log").toFile());
    builder.environment().put("PLATFORM_HOME", System.getProperty("it.platform.home"));
    builder.environment().put("PAYARA_PORT_BASE", String.valueOf(Platform.HTTP_PORT - 80));
    Process process = builder.start();
    assertTrue(
        process.waitFor(60, TimeUnit.SECONDS),
        "platform " + String.join(" ", arguments) + " took over a minute");
    return process;
  }

  private static String log() throws Exception {
    return Files.readString(Path.of(System.getProperty("it.platform.home"), "grant-admin-it.log"));
  }

  @Test
  void operatorsGrantAdminWithThePlatformCommand() throws Exception {
    Api.Account unverified = Api.register();
    assertNotEquals(
        0, platform("grant-admin", unverified.email()).exitValue(), "never to an unproven address");
    assertEquals(List.of("USER"), groups(unverified.accessToken()));

    Api.Account account = Api.register();
    account.verifyEmail();
    Process granted = platform("grant-admin", account.email().toUpperCase());
    assertEquals(0, granted.exitValue(), log());
    assertTrue(groups(account.accessToken()).contains("ADMIN"), log());
    try (Connection db = Database.connect()) {
      String detail =
          Database.string(
              db,
              "select detail from audit_event where action = 'ROLE_CHANGE' and actor_id = ?::uuid",
              account.id());
      assertTrue(detail.contains("operator"), detail);
    }
  }

  @Test
  void everyLinkAndUnlinkIsMailedToTheAddress() throws Exception {
    Api.Account account = Api.register();
    Api me = ProviderSignInIT.verifiedAndSignedIn(account);

    Reply linked =
        me.post(
            "/api/v1/me/identities/google",
            ProviderSignInIT.linkBody(
                ProviderSignInIT.idToken(
                    "google",
                    "g-" + UUID.randomUUID(),
                    claims("other-" + UUID.randomUUID() + "@example.org", true))));
    assertEquals(200, linked.status(), linked::toString);
    String body = GreenMailUtil.getBody(awaitMail(account.email(), "Google sign-in was linked"));
    assertTrue(body.contains("reset your password"), body);

    assertEquals(204, me.delete("/api/v1/me/identities/google").status());
    awaitMail(account.email(), "Google sign-in was unlinked");
  }
}
