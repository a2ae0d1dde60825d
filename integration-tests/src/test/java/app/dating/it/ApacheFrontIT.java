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
import java.util.Locale;
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
 * pass through the balancer. The edge adds the browser security headers, keeps token answers out of
 * caches and serves the operators' endpoints only to the configured addresses. Skipped where
 * apache2 is not installed, except in CI. Ports: {@code it.apache.http}, {@code it.apache.https}.
 */
class ApacheFrontIT {
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

  /** One raw HTTP/1.1 exchange through Apache from {@code from} (a loopback address). */
  private static String exchange(String from, String method, String path, String body)
      throws Exception {
    try (SSLSocket socket =
        (SSLSocket)
            tls.getSocketFactory()
                .createSocket(
                    InetAddress.getByName("127.0.0.1"), HTTPS, InetAddress.getByName(from), 0)) {
      OutputStream out = socket.getOutputStream();
      String head =
          method
              + " "
              + path
              + " HTTP/1.1\r\nHost: localhost:"
              + HTTPS
              + "\r\nConnection: close\r\n";
      if (body != null) {
        head +=
            "Content-Type: application/json\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length
                + "\r\n";
      }
      out.write((head + "\r\n" + (body == null ? "" : body)).getBytes(StandardCharsets.UTF_8));
      out.flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static int status(String response) {
    return Integer.parseInt(response.substring(9, 12));
  }

  /** Every value of the header (case-insensitive name) in a raw response's head. */
  private static List<String> headers(String response, String name) {
    return response
        .substring(0, response.indexOf("\r\n\r\n"))
        .lines()
        .filter(
            line -> line.toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT) + ":"))
        .map(line -> line.substring(line.indexOf(':') + 1).trim())
        .toList();
  }

  private static void assertSecurityHeaders(String response) {
    assertEquals(List.of("nosniff"), headers(response, "X-Content-Type-Options"), response);
    assertEquals(List.of("DENY"), headers(response, "X-Frame-Options"), response);
    assertEquals(List.of("no-referrer"), headers(response, "Referrer-Policy"), response);
    List<String> csp = headers(response, "Content-Security-Policy");
    assertEquals(1, csp.size(), response);
    assertTrue(csp.get(0).contains("frame-ancestors 'none'"), response);
    assertEquals(List.of("Apache"), headers(response, "Server"), "ServerTokens Prod: " + response);
  }

  /** On the platform's answers and on Apache's own refusals alike. */
  @Test
  void everyAnswerCarriesTheSecurityHeaders() throws Exception {
    String health = exchange("127.0.0.2", "GET", "/api/v1/health", null);
    assertEquals(200, status(health), health);
    assertSecurityHeaders(health);
    assertTrue(
        headers(health, "Content-Security-Policy").get(0).startsWith("default-src 'none'"), health);
    String refused = exchange("127.0.0.2", "GET", "/api/v1/%zz", null);
    assertEquals(400, status(refused), refused);
    assertSecurityHeaders(refused);
    String problem = exchange("127.0.0.2", "GET", "/api/v1/no-such-thing", null);
    assertEquals(404, status(problem), problem);
    assertSecurityHeaders(problem);
  }

  /** Swagger UI's page runs its own scripts and styles, from this origin only. */
  @Test
  void swaggerUiHasAPolicyOfItsOwn() throws Exception {
    String page = exchange("127.0.0.1", "GET", "/api/docs/", null);
    assertEquals(200, status(page), page);
    assertSecurityHeaders(page);
    String csp = headers(page, "Content-Security-Policy").get(0);
    for (String directive :
        List.of(
            "default-src 'self'",
            "script-src 'self'",
            "connect-src 'self'",
            "frame-ancestors 'none'",
            "object-src 'none'")) {
      assertTrue(csp.contains(directive), () -> directive + " in " + csp);
    }
    assertTrue(
        !csp.contains("unsafe-eval") && !csp.contains("script-src 'self' 'unsafe-inline'"), csp);
  }

  /**
   * Answers with tokens are never stored by a cache: the application says so, and Apache enforces
   * it for everything under /api/v1/auth/ but the public keys, also where the application did not
   * (an unsupported method), with one header, not two.
   */
  @Test
  void tokenAnswersAreNotStoredAtTheEdge() throws Exception {
    Api.Account account = Api.register();
    String login =
        exchange(
            "127.0.0.1",
            "POST",
            "/api/v1/auth/login",
            "{\"email\":\"" + account.email() + "\",\"password\":\"" + Api.PASSWORD + "\"}");
    assertEquals(200, status(login), login);
    assertEquals(List.of("no-store"), headers(login, "Cache-Control"), login);
    assertEquals(List.of("no-cache"), headers(login, "Pragma"), login);
    String wrongMethod = exchange("127.0.0.1", "GET", "/api/v1/auth/login", null);
    assertEquals(405, status(wrongMethod), wrongMethod);
    assertEquals(List.of("no-store"), headers(wrongMethod, "Cache-Control"), wrongMethod);
    String keys = exchange("127.0.0.1", "GET", "/api/v1/auth/jwks", null);
    assertEquals(200, status(keys), keys);
    assertTrue(!headers(keys, "Cache-Control").contains("no-store"), keys);
  }

  /**
   * Metrics, readiness (with what it knows of the dependencies), the API documents and Swagger UI
   * answer the configured addresses only (APACHE_OPS_ALLOW, by default loopback's 127.0.0.1 and
   * ::1): to 127.0.0.2 they are a 403 problem, which tells nothing of the platform.
   */
  @ParameterizedTest
  @CsvSource({
    "/metrics",
    "/health/ready",
    "/health/live",
    "/health",
    "/openapi",
    "/asyncapi.yaml",
    "/api/docs/",
    "/webjars/swagger-ui/"
  })
  void operatorEndpointsAnswerOnlyTheConfiguredAddresses(String path) throws Exception {
    String outside = exchange("127.0.0.2", "GET", path, null);
    assertEquals(403, status(outside), outside);
    assertEquals(List.of("application/problem+json"), headers(outside, "Content-Type"), outside);
    assertTrue(!outside.contains("PostgreSQL") && !outside.contains("checks"), outside);
    if (!path.startsWith("/webjars/")) {
      String inside = exchange("127.0.0.1", "GET", path, null);
      assertEquals(200, status(inside), inside);
    }
    String publicHealth = exchange("127.0.0.2", "GET", "/api/v1/health", null);
    assertEquals(200, status(publicHealth), publicHealth);
  }

  /**
   * The production site (sites-available/dating.conf) includes the same edge rules as the local
   * front (conf/dating-edge.conf) and hides the server's version.
   */
  @Test
  void theProductionSiteHasTheSameEdgeRules() throws Exception {
    String site =
        java.nio.file.Files.readString(
            Platform.ROOT.resolve("apache2/sites-available/dating.conf"));
    String local =
        java.nio.file.Files.readString(Platform.ROOT.resolve("apache2/local/httpd.conf.template"));
    for (String directive :
        List.of("ServerTokens Prod", "ServerSignature Off", "TraceEnable Off")) {
      assertTrue(site.lines().anyMatch(line -> line.trim().equals(directive)), directive);
      assertTrue(local.lines().anyMatch(line -> line.trim().equals(directive)), directive);
    }
    assertTrue(
        site.lines()
            .anyMatch(line -> line.trim().matches("Include \"?\\$\\{DATING_EDGE_RULES}\"?")),
        "Include ${DATING_EDGE_RULES}");
    assertTrue(
        site.lines()
            .anyMatch(
                line ->
                    line.trim().matches("Define DATING_EDGE_RULES .*/conf/dating-edge\\.conf\"?")),
        "Define DATING_EDGE_RULES");
    assertTrue(
        site.lines().anyMatch(line -> line.trim().startsWith("Define DATING_OPS_ALLOW ")),
        "Define DATING_OPS_ALLOW");
    assertTrue(
        local
            .lines()
            .anyMatch(line -> line.trim().matches("Include \"?\\$\\{APACHE_EDGE_RULES}\"?")),
        "Include ${APACHE_EDGE_RULES}");
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
