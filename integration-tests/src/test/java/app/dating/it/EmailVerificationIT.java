package app.dating.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dating.it.Platform.Reply;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A new account gets a verification mail through real SMTP; its link's token proves the address
 * once.
 */
class EmailVerificationIT {
  private static final String PASSWORD = "correct horse battery staple";
  private static final Pattern LINK =
      Pattern.compile("(http://\\S+)/verify-email\\?token=([A-Za-z0-9_-]{43})");
  private final String ip = "198.18.200." + ThreadLocalRandom.current().nextInt(1, 255);

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

  @Test
  void theLinkInTheMailVerifiesTheAddressOnce() throws Exception {
    String email = "it-" + UUID.randomUUID() + "@example.invalid";
    Reply registered =
        post(
            "/api/v1/auth/register",
            "{\"email\":\""
                + email
                + "\",\"password\":\""
                + PASSWORD
                + "\",\"displayName\":\"Mika\",\"birthDate\":\""
                + LocalDate.now().minusYears(40)
                + "\"}",
            null);
    assertEquals(201, registered.status(), registered::toString);

    List<MimeMessage> mails = MailServer.awaitMailTo(email, Duration.ofSeconds(30));
    assertEquals(1, mails.size());
    MimeMessage mail = mails.get(0);
    assertEquals("Confirm your email address", mail.getSubject());
    String body = GreenMailUtil.getBody(mail);
    assertTrue(body.contains("Hello Mika"), body);
    Matcher link = LINK.matcher(body);
    assertTrue(link.find(), body);
    assertEquals("http://localhost:" + Platform.HTTP_PORT, link.group(1));
    String token = link.group(2);

    try (Connection db = Database.connect()) {
      String stored =
          Database.string(
              db,
              "select token_hash from one_time_token where account_id = ?::uuid",
              registered.json().getString("id"));
      assertNotEquals(token, stored);
      assertEquals(64, stored.length());
    }

    String accessToken =
        post(
                "/api/v1/auth/login",
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}",
                null)
            .json()
            .getString("accessToken");
    assertFalse(me(accessToken).getBoolean("emailVerified"));

    assertEquals(
        204, post("/api/v1/auth/verify-email", "{\"token\":\"" + token + "\"}", null).status());
    Reply before =
        Platform.send(
            HttpRequest.newBuilder(Platform.uri("/api/v1/me"))
                .header("Authorization", "Bearer " + accessToken));
    assertEquals(
        401,
        before.status(),
        "the first proof of the address ends the sessions made before it: " + before);
    String signedInAgain =
        post(
                "/api/v1/auth/login",
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}",
                null)
            .json()
            .getString("accessToken");
    assertTrue(me(signedInAgain).getBoolean("emailVerified"));

    Reply again = post("/api/v1/auth/verify-email", "{\"token\":\"" + token + "\"}", null);
    assertEquals(400, again.status(), again::toString);
    assertEquals("token", again.json().getJsonArray("errors").getJsonObject(0).getString("field"));
  }

  @Test
  void madeUpTokensAreRefused() {
    for (String token : List.of("x".repeat(43), "short")) {
      Reply reply = post("/api/v1/auth/verify-email", "{\"token\":\"" + token + "\"}", null);
      assertEquals(400, reply.status(), reply::toString);
      assertEquals("urn:dating:problem:validation", reply.json().getString("type"));
    }
  }

  private static jakarta.json.JsonObject me(String accessToken) {
    Reply reply =
        Platform.send(
            HttpRequest.newBuilder(Platform.uri("/api/v1/me"))
                .header("Authorization", "Bearer " + accessToken));
    assertEquals(200, reply.status(), reply::toString);
    return reply.json();
  }
}
