package app.dating.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.dating.it.Platform.Reply;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every answer that carries a token (access, refresh, the browser session's CSRF token) tells every
 * cache not to keep it (RFC 6749 section 5.1, RFC 9111): {@code Cache-Control: no-store} and {@code
 * Pragma: no-cache}, from the application itself (Apache adds them at the edge too).
 */
class TokenResponsesIT {

  private static void assertNotStored(Reply reply) {
    assertEquals(200, reply.status(), reply::toString);
    assertEquals(
        "no-store", reply.header("Cache-Control"), () -> reply.response().headers().toString());
    assertEquals("no-cache", reply.header("Pragma"), () -> reply.response().headers().toString());
  }

  @Test
  void signInAndRefreshAreNotStored() {
    Api.Account account = Api.register();
    Api api = new Api();
    Reply login =
        api.post(
            "/api/v1/auth/login",
            "{\"email\":\"" + account.email() + "\",\"password\":\"" + Api.PASSWORD + "\"}");
    assertNotStored(login);
    Reply refresh =
        api.post(
            "/api/v1/auth/refresh",
            "{\"refreshToken\":\"" + login.json().getString("refreshToken") + "\"}");
    assertNotStored(refresh);
  }

  @Test
  void browserSessionsAreNotStored() {
    Api.Account account = Api.register();
    Api browser = new Api();
    Reply session =
        browser.post(
            "/api/v1/auth/session",
            "{\"email\":\"" + account.email() + "\",\"password\":\"" + Api.PASSWORD + "\"}");
    assertNotStored(session);
    browser.cookie(
        session.header("Set-Cookie").split(";")[0], session.json().getString("csrfToken"));
    assertNotStored(browser.get("/api/v1/auth/session"));
  }

  @Test
  void providerSignInIsNotStored() {
    String email = "nostore-" + UUID.randomUUID() + "@example.org";
    String idToken =
        ProviderSignInIT.idToken(
            "google",
            "g-" + UUID.randomUUID(),
            Map.of("email", email, "email_verified", true, "name", "Kim Provider"));
    Reply signIn =
        new Api()
            .post(
                "/api/v1/auth/providers/google",
                "{\"idToken\":\"" + idToken + "\",\"birthDate\":\"1990-04-01\"}");
    assertNotStored(signIn);
  }
}
