package app.dating.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.dating.it.Platform.Reply;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A client of the JSON API as one device sees it: its own forwarded address (so each test has its
 * own rate-limit buckets), and optionally a bearer token or a session cookie with its CSRF token.
 */
final class Api {
  static final String PASSWORD = "correct horse battery staple";

  final String ip =
      "198.18."
          + ThreadLocalRandom.current().nextInt(256)
          + "."
          + ThreadLocalRandom.current().nextInt(1, 255);
  private static final HttpClient HTTP_1_1 =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private String bearer;
  private String cookie;
  private String csrf;

  Api bearer(String accessToken) {
    this.bearer = accessToken;
    return this;
  }

  Api cookie(String cookie, String csrf) {
    this.cookie = cookie;
    this.csrf = csrf;
    return this;
  }

  String cookieHeader() {
    return cookie;
  }

  Reply get(String path) {
    return send(request(path).GET());
  }

  Reply post(String path, String json) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** A GET whose body is not text (an archive), as bytes. */
  java.net.http.HttpResponse<byte[]> getBytes(String path) {
    try {
      return HTTP_1_1.send(
          request(path).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The status of a GET whose body is not text (an image). */
  int getBytesStatus(String path) {
    try {
      return HTTP_1_1
          .send(request(path).GET().build(), java.net.http.HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  Reply postBytes(String path, String contentType, byte[] body) {
    // Expect: 100-continue, as a good upload client does: a body the server refuses is never sent.
    // HTTP/1.1: the JDK client's upgrade to HTTP/2 does not combine with 100-continue.
    return Platform.send(
        HTTP_1_1,
        request(path)
            .header("Content-Type", contentType)
            .expectContinue(true)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  Reply put(String path, String json) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  Reply delete(String path) {
    return send(request(path).DELETE());
  }

  Reply delete(String path, String json) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .method("DELETE", HttpRequest.BodyPublishers.ofString(json)));
  }

  /** Any method, with a body of any type (or none when {@code contentType} is null). */
  Reply exchange(String method, String path, String contentType, HttpRequest.BodyPublisher body) {
    HttpRequest.Builder request = request(path).method(method, body);
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return send(request);
  }

  /** Sends without the CSRF header even when a session cookie is set. */
  Reply postWithoutCsrf(String path, String json) {
    String saved = csrf;
    csrf = null;
    try {
      return post(path, json);
    } finally {
      csrf = saved;
    }
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(Platform.uri(path)).header("X-Forwarded-For", ip);
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    if (csrf != null) {
      request.header("X-CSRF-Token", csrf);
    }
    return request;
  }

  private static Reply send(HttpRequest.Builder request) {
    return Platform.send(request);
  }

  /** A registered account (unverified) and the API client that registered it. */
  record Account(String id, String email, Api api) {
    /**
     * The account once the link of its verification mail was followed: only verified accounts see
     * others (profiles, photos, the feed, swipes) and are seen.
     */
    Account verified() {
      try {
        verifyEmail();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      return this;
    }

    JsonObject login() {
      return api.login(email, PASSWORD);
    }

    String accessToken() {
      return login().getString("accessToken");
    }

    /** Follows the link of the verification mail, the moment it arrives. */
    void verifyEmail() throws InterruptedException {
      String token = Api.tokenInMail(email, "verify-email");
      Reply verified = api.post("/api/v1/auth/verify-email", "{\"token\":\"" + token + "\"}");
      assertEquals(204, verified.status(), verified::toString);
    }
  }

  static Account register() {
    return register("it-" + UUID.randomUUID() + "@example.invalid");
  }

  /** A new account whose address is verified: one that may see others and be seen. */
  static Account registerVerified() {
    return register().verified();
  }

  static Account register(String email) {
    return register(email, "Sasha", LocalDate.now().minusYears(29));
  }

  static Account register(String email, String displayName, LocalDate birthDate) {
    Api api = new Api();
    Reply reply =
        api.post(
            "/api/v1/auth/register",
            "{\"email\":\""
                + email
                + "\",\"password\":\""
                + PASSWORD
                + "\",\"displayName\":\""
                + displayName
                + "\",\"birthDate\":\""
                + birthDate
                + "\"}");
    assertEquals(201, reply.status(), reply::toString);
    return new Account(reply.json().getString("id"), email, api);
  }

  JsonObject login(String email, String password) {
    Reply reply =
        post(
            "/api/v1/auth/login",
            "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
    assertEquals(200, reply.status(), reply::toString);
    return reply.json();
  }

  /**
   * The token of the newest link to {@code page} mailed to {@code address}, waiting up to 30 s for
   * it.
   */
  static String tokenInMail(String address, String page) throws InterruptedException {
    Pattern link = Pattern.compile("/" + page + "\\?token=([A-Za-z0-9_-]{43})");
    Instant deadline = Instant.now().plusSeconds(30);
    while (Instant.now().isBefore(deadline)) {
      List<String> tokens =
          MailServer.receivedBy(address).stream()
              .map(GreenMailUtil::getBody)
              .map(link::matcher)
              .filter(Matcher::find)
              .map(m -> m.group(1))
              .toList();
      if (!tokens.isEmpty()) {
        return tokens.get(tokens.size() - 1);
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no " + page + " link mailed to " + address);
  }

  /**
   * A nonce the platform issued for an app's sign-in with {@code provider} (single use): what the
   * app hands the provider's SDK, so the ID token carries it.
   */
  static String nonce(String provider) {
    Reply reply =
        new Api()
            .exchange(
                "POST",
                "/api/v1/auth/providers/" + provider + "/nonce",
                null,
                HttpRequest.BodyPublishers.noBody());
    assertEquals(200, reply.status(), reply::toString);
    return reply.json().getString("nonce");
  }

  /** The claims of a JWT, read without checking it (the server checks; tests only look). */
  static JsonObject claims(String jwt) {
    String payload =
        new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
    return Json.createReader(new StringReader(payload)).readObject();
  }
}
