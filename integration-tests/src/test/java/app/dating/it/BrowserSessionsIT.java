package app.dating.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dating.it.Platform.Reply;
import java.sql.Connection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Browsers sign in with a server-side session carried by an HttpOnly cookie; the same resources
 * accept it, and requests that change state need the CSRF token.
 */
class BrowserSessionsIT {

  /** Signs in and returns a client holding the cookie and the CSRF token. */
  private static Api browser(Api.Account account) {
    Api api = new Api();
    Reply reply = api.post("/api/v1/auth/session", "{\"email\":\"" + account.email() + "\",\"password\":\"" + Api.PASSWORD + "\"}");
    assertEquals(200, reply.status(), reply::toString);
    String setCookie = reply.header("Set-Cookie");
    String cookie = setCookie.substring(0, setCookie.indexOf(';'));
    return api.cookie(cookie, reply.json().getString("csrfToken"));
  }

  @Test
  void theCookieIsHttpOnlySecureSameSiteAndHostOnly() {
    Api.Account account = Api.register();
    Reply reply = new Api().post("/api/v1/auth/session", "{\"email\":\"" + account.email() + "\",\"password\":\"" + Api.PASSWORD + "\"}");
    assertEquals(200, reply.status(), reply::toString);
    String setCookie = reply.header("Set-Cookie");
    assertTrue(setCookie.startsWith("__Host-dating-session="), setCookie);
    Set<String> attributes = Stream.of(setCookie.split(";")).skip(1).map(String::strip).map(String::toLowerCase).collect(Collectors.toSet());
    assertTrue(attributes.containsAll(List.of("httponly", "secure", "path=/", "samesite=lax")), setCookie);
    assertTrue(attributes.stream().noneMatch(a -> a.startsWith("domain=")), setCookie);
    assertEquals(account.id(), reply.json().getJsonObject("account").getString("id"));
    assertTrue(reply.json().getString("csrfToken").length() >= 43);
    assertTrue(reply.body().indexOf(setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'))) < 0,
        "the session token is never in the body, where scripts could read it");
  }

  @Test
  void theSameResourcesAcceptTheCookie() {
    Api.Account account = Api.register();
    Api browser = browser(account);
    Reply me = browser.get("/api/v1/me");
    assertEquals(200, me.status(), me::toString);
    assertEquals(account.email(), me.json().getString("email"));

    Reply session = browser.get("/api/v1/auth/session");
    assertEquals(200, session.status(), session::toString);
    assertEquals(account.id(), session.json().getJsonObject("account").getString("id"));
  }

  @Test
  void changingStateWithoutTheCsrfTokenIsForbidden() {
    Api.Account account = Api.register();
    Api browser = browser(account);
    String change = "{\"currentPassword\":\"" + Api.PASSWORD + "\",\"newPassword\":\"another fine passphrase\"}";

    Reply forged = browser.postWithoutCsrf("/api/v1/me/password", change);
    assertEquals(403, forged.status(), forged::toString);
    assertEquals("application/problem+json", forged.contentType());
    new Api().login(account.email(), Api.PASSWORD);

    Reply wrongToken = new Api().cookie(browser(account).cookieHeader(), "x".repeat(43)).post("/api/v1/me/password", change);
    assertEquals(403, wrongToken.status(), wrongToken::toString);

    assertEquals(204, browser.post("/api/v1/me/password", change).status());
    assertEquals(200, browser.get("/api/v1/me").status(), "the session that changed the password stays");
  }

  @Test
  void signingOutEndsTheSessionOnTheServer() throws Exception {
    Api.Account account = Api.register();
    Api browser = browser(account);
    String cookie = browser.cookieHeader();

    assertEquals(403, browser.postWithoutCsrf("/api/v1/auth/logout-everywhere", "").status());
    Reply out = browser.delete("/api/v1/auth/session");
    assertEquals(204, out.status(), out::toString);
    assertTrue(out.header("Set-Cookie").toLowerCase().contains("max-age=0"), out.header("Set-Cookie"));

    Reply replayed = new Api().cookie(cookie, null).get("/api/v1/me");
    assertEquals(401, replayed.status(), "a copied cookie is dead once signed out: " + replayed);
    try (Connection db = Database.connect()) {
      assertEquals("LOGOUT", Database.string(db, "select revoked_reason from web_session where account_id = ?::uuid", account.id()));
    }
  }

  @Test
  void aPasswordChangeInTheAppEndsBrowserSessions() {
    Api.Account account = Api.register();
    Api browser = browser(account);
    Api app = new Api().bearer(account.accessToken());

    Reply changed = app.post("/api/v1/me/password", "{\"currentPassword\":\"" + Api.PASSWORD + "\",\"newPassword\":\"another fine passphrase\"}");
    assertEquals(204, changed.status(), changed::toString);
    assertEquals(401, browser.get("/api/v1/me").status());
    assertEquals(200, app.get("/api/v1/me").status(), "the session that changed the password stays");
  }

  @Test
  void aBearerTokenWinsOverACookie() {
    Api.Account mine = Api.register();
    Api.Account theirs = Api.register();
    Api both = browser(theirs).bearer(mine.accessToken());
    assertEquals(mine.email(), both.get("/api/v1/me").json().getString("email"));
  }
}
