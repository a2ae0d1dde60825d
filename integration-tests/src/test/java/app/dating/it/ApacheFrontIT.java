package app.dating.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dating.it.Platform.Reply;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.websocket.ClientEndpointConfig;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.ClientProperties;
import org.glassfish.tyrus.client.SslEngineConfigurator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Debian's real apache2 in front of the platform's two HTTP listeners (apache2/bin/front): HTTPS
 * works, HTTP is redirected, the application sees the client's address and scheme, and WebSockets
 * pass through the balancer. Skipped where apache2 is not installed, except in CI.
 */
class ApacheFrontIT {
  /** Ports of its own (it.apache.http/https), so runs on other ports can take it along. */
  private static final int HTTP = Integer.getInteger("it.apache.http", 18880);

  private static final int HTTPS = Integer.getInteger("it.apache.https", 18443);
  private static final ApacheFront FRONT =
      new ApacheFront(
          HTTP,
          HTTPS,
          "127.0.0.1:" + Platform.HTTP_PORT + " 127.0.0.1:" + Platform.HTTP_PORT_2,
          Platform.ROOT.resolve("integration-tests/target/apache2"));

  private static SSLContext tls;

  @BeforeAll
  static void startApache() throws Exception {
    tls = FRONT.start().tls();
  }

  @AfterAll
  static void stopApache() throws Exception {
    FRONT.stop();
  }

  @Test
  void httpsRequestSucceedsWithHsts() {
    HttpClient client = HttpClient.newBuilder().sslContext(tls).build();
    Reply reply =
        Platform.send(
            client,
            HttpRequest.newBuilder(URI.create("https://localhost:" + HTTPS + "/api/v1/health")));
    assertEquals(200, reply.status(), reply::toString);
    assertEquals("UP", reply.json().getString("status"));
    assertTrue(
        reply.header("Strict-Transport-Security").contains("max-age="),
        reply.response().headers()::toString);
    assertTrue(reply.header("X-Request-Id") != null);
  }

  @Test
  void plainHttpIsRedirectedToHttps() {
    HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    Reply reply =
        Platform.send(
            client,
            HttpRequest.newBuilder(URI.create("http://localhost:" + HTTP + "/api/v1/health?x=1")));
    assertEquals(301, reply.status(), reply::toString);
    assertEquals("https://localhost:" + HTTPS + "/api/v1/health?x=1", reply.header("Location"));
  }

  /**
   * From 127.0.0.2, with a forged X-Forwarded-For and X-Forwarded-Proto: the application must see
   * 127.0.0.2 (the audit trail of the registration, as the account's export shows it) and https
   * (the Location of the new account).
   */
  @Test
  void applicationSeesTheClientAddressAndSchemeNotForgedHeaders() throws Exception {
    String email = "front-" + java.util.UUID.randomUUID() + "@example.invalid";
    String body =
        "{\"email\":\""
            + email
            + "\",\"password\":\""
            + Api.PASSWORD
            + "\",\"displayName\":\"Front\",\"birthDate\":\"1990-01-01\"}";
    String response =
        rawFrom(
            "127.0.0.2",
            "POST /api/v1/auth/register HTTP/1.0\r\nHost: localhost:"
                + HTTPS
                + "\r\nX-Forwarded-For: 203.0.113.66\r\nX-Forwarded-Proto: http"
                + "\r\nContent-Type: application/json\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length
                + "\r\n\r\n"
                + body);
    assertTrue(
        response.startsWith("HTTP/1.1 201") || response.startsWith("HTTP/1.0 201"), response);
    assertTrue(
        response.contains("\r\nLocation: https://localhost:" + HTTPS + "/api/v1/me\r\n"), response);

    try (java.sql.Connection db = Database.connect()) {
      assertEquals(
          List.of("127.0.0.2"),
          Database.strings(
              db,
              "select e.ip from audit_event e join account a on a.id = e.actor_id"
                  + " where a.email = ? and e.action = 'REGISTER'",
              email),
          "the address the audit log recorded for the sign-up");
    }
  }

  /**
   * The operators' diagnostics never pass the front, whoever asks (operators use the server's own
   * listener, with an ADMIN token).
   */
  @ParameterizedTest
  @CsvSource({"/api/v1/system/client", "/api/v1/system;x=1/client", "/api/v1/%73ystem/client"})
  void theSystemResourcesAreClosedAtTheFront(String path) throws Exception {
    String response =
        rawFrom(
            "127.0.0.1",
            "GET "
                + path
                + " HTTP/1.0\r\nHost: localhost:"
                + HTTPS
                + "\r\nAuthorization: "
                + RolesIT.adminBearer()
                + "\r\n\r\n");
    assertTrue(response.startsWith("HTTP/1.1 403"), response);
    assertTrue(
        response
            .toLowerCase(java.util.Locale.ROOT)
            .contains("content-type: application/problem+json"),
        response);
  }

  /** One request over TLS from a local address of the test's choosing; the whole response. */
  private static String rawFrom(String localAddress, String request) throws Exception {
    try (SSLSocket socket =
        (SSLSocket)
            tls.getSocketFactory()
                .createSocket(
                    InetAddress.getByName("127.0.0.1"),
                    HTTPS,
                    InetAddress.getByName(localAddress),
                    0)) {
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.UTF_8));
      out.flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Apache speaks HTTP/1.1 to the members: a DELETE with a body must reach the application. */
  @Test
  void accountDeletionWithItsBodyPassesTheProxy() throws Exception {
    Api.Account account = Api.register();
    String token = account.accessToken();
    HttpClient client = HttpClient.newBuilder().sslContext(tls).build();
    Reply deleted =
        Platform.send(
            client,
            HttpRequest.newBuilder(URI.create("https://localhost:" + HTTPS + "/api/v1/me"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(
                    "DELETE",
                    HttpRequest.BodyPublishers.ofString(
                        "{\"currentPassword\":\"" + Api.PASSWORD + "\"}")));
    assertEquals(204, deleted.status(), deleted::toString);
  }

  /** What Apache refuses itself (before any member sees it) is a problem document too. */
  @ParameterizedTest
  @CsvSource({
    "/api/v1/%00x, 404, not-found",
    "/api/v1/%zz, 400, malformed-request",
    "/api/v1/a%5Cb, 400, malformed-request"
  })
  void apachesOwnRefusalsAreProblems(String path, int status, String type) throws Exception {
    try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket("127.0.0.1", HTTPS)) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET "
                  + path
                  + " HTTP/1.1\r\nHost: localhost:"
                  + HTTPS
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(response.startsWith("HTTP/1.1 " + status), response);
      assertTrue(
          response
              .toLowerCase(java.util.Locale.ROOT)
              .contains("content-type: application/problem+json"),
          response);
      JsonObject problem =
          Json.createReader(new StringReader(response.substring(response.indexOf("\r\n\r\n") + 4)))
              .readObject();
      assertEquals("urn:dating:problem:" + type, problem.getString("type"), response);
      assertEquals(status, problem.getInt("status"));
    }
  }

  @Test
  void webSocketRoundTripThroughTheProxy() throws Exception {
    ClientManager client = ClientManager.createClient();
    client
        .getProperties()
        .put(
            ClientProperties.SSL_ENGINE_CONFIGURATOR,
            new SslEngineConfigurator(tls, true, false, false));
    URI uri = URI.create("wss://localhost:" + HTTPS + "/ws/v1/echo");
    try (WebSocketIT.Client socket =
        new WebSocketIT.Client(client, ClientEndpointConfig.Builder.create().build(), uri)) {
      assertEquals("pong", socket.roundTrip("ping"));
      assertEquals("through apache", socket.roundTrip("through apache"));
    }
  }
}
