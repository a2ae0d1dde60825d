package app.dating.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dating.it.Platform.Reply;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What operators and client developers rely on: health, readiness, metrics, the API contract. */
class OperationsIT {

  @Test
  void healthAnswersUp() {
    Reply reply = Platform.get("/api/v1/health");
    assertEquals(200, reply.status(), reply::toString);
    assertEquals("UP", reply.json().getString("status"));
    assertTrue(reply.header("X-Request-Id") != null);
  }

  @Test
  void readinessChecksDatabaseBrokerAndRedis() {
    Reply reply = Platform.get("/health/ready");
    assertEquals(200, reply.status(), reply::toString);
    Map<String, JsonObject> checks =
        reply.json().getJsonArray("checks").stream()
            .map(JsonValue::asJsonObject)
            .collect(Collectors.toMap(c -> c.getString("name"), c -> c));
    assertEquals("UP", checks.get("database").getString("status"));
    assertTrue(checks.get("database").getJsonObject("data").getString("detail").startsWith("PostgreSQL"));
    assertEquals("UP", checks.get("broker").getString("status"));
    assertTrue(checks.get("broker").getJsonObject("data").getString("detail").contains("OpenMQ"));
    assertEquals("UP", checks.get("shared-state").getString("status"));
    assertTrue(checks.get("shared-state").getJsonObject("data").getString("detail").startsWith("redis "), reply::toString);
  }

  @Test
  void livenessIsUp() {
    Reply reply = Platform.get("/health/live");
    assertEquals(200, reply.status(), reply::toString);
    assertEquals("UP", reply.json().getString("status"));
  }

  @Test
  void metricsArePublished() {
    Reply reply = Platform.get("/metrics");
    assertEquals(200, reply.status(), reply::toString);
    assertTrue(reply.body().contains("# TYPE"), () -> "Prometheus format: " + reply.body().substring(0, Math.min(400, reply.body().length())));
  }

  @Test
  void openApiDescribesTheApiFromTheCode() {
    Reply reply = Platform.send(java.net.http.HttpRequest.newBuilder(Platform.uri("/openapi")).header("Accept", "application/json"));
    assertEquals(200, reply.status(), reply::toString);
    JsonObject paths = reply.json().getJsonObject("paths");
    assertTrue(paths.containsKey("/api/v1/health"), paths.keySet()::toString);
    assertTrue(paths.containsKey("/api/v1/system/jobs"), paths.keySet()::toString);
    assertEquals("Dating platform API", reply.json().getJsonObject("info").getString("title"));
  }

  /** Operators' console: answers 202 while it loads, then the login page. */
  @Test
  void adminConsoleAnswersOnTheAdminPort() throws InterruptedException {
    java.net.URI console = java.net.URI.create("http://localhost:" + Integer.getInteger("it.admin.port", 18048) + "/");
    Reply reply = Platform.send(java.net.http.HttpRequest.newBuilder(console));
    for (int i = 0; i < 120 && reply.status() == 202; i++) {
      Thread.sleep(500);
      reply = Platform.send(java.net.http.HttpRequest.newBuilder(console));
    }
    assertEquals(200, reply.status(), reply::toString);
    assertTrue(reply.body().contains("Login"), reply::toString);
  }

  @Test
  void swaggerUiIsServedByTheApplication() {
    Reply page = Platform.get("/api/docs/");
    assertEquals(200, page.status(), page::toString);
    assertTrue(page.body().contains("swagger-ui-bundle.js"));
    String script = page.body().replaceAll("(?s).*<script src=\"([^\"]*swagger-ui-bundle.js)\".*", "$1");
    Reply bundle = Platform.get(script);
    assertEquals(200, bundle.status(), script);
    assertTrue(Platform.get("/api/docs/init.js").body().contains("/openapi"));
  }
}
