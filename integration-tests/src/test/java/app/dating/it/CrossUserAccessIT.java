package app.dating.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dating.it.Platform.Reply;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * No user reaches another's private data. The operations come from the API's own OpenAPI document,
 * so a resource added later is covered without touching this test: every operation with a path
 * parameter is called with one user's token and the other user's id, and must answer 403 or 404 —
 * never 2xx. Operations under /me must answer with the caller's own data.
 */
class CrossUserAccessIT {

  @Test
  void anotherUsersIdsAreNeverServed() {
    Api.Account mallory = Api.register();
    Api.Account victim = Api.register();
    Api attacker = new Api().bearer(mallory.accessToken());

    JsonObject paths =
        Platform.send(
                HttpRequest.newBuilder(Platform.uri("/openapi"))
                    .header("Accept", "application/json"))
            .json()
            .getJsonObject("paths");
    List<String> tried = new ArrayList<>();
    for (Map.Entry<String, jakarta.json.JsonValue> path : paths.entrySet()) {
      if (!path.getKey().contains("{")) {
        continue;
      }
      String concrete = "/api/v1" + path.getKey().replaceAll("\\{[^}]+}", victim.id());
      for (String method : path.getValue().asJsonObject().keySet()) {
        Reply reply =
            switch (method) {
              case "get" -> attacker.get(concrete);
              case "post" -> attacker.post(concrete, "{}");
              case "put" -> attacker.put(concrete, "{\"roles\":[\"ADMIN\"]}");
              case "delete" -> attacker.delete(concrete);
              default -> null;
            };
        if (reply == null) {
          continue;
        }
        tried.add(method + " " + concrete);
        assertTrue(
            reply.status() == 403 || reply.status() == 404,
            method + " " + concrete + " answered " + reply);
        assertFalse(
            reply.body().contains(victim.email()),
            method + " " + concrete + " leaked the victim's email");
      }
    }
    assertFalse(tried.isEmpty(), "the API has operations with path parameters: " + paths.keySet());
  }

  @Test
  void myResourcesServeOnlyTheCaller() {
    Api.Account mallory = Api.register();
    Api.Account victim = Api.register();
    Api attacker = new Api().bearer(mallory.accessToken());
    for (String path : List.of("/api/v1/me")) {
      Reply reply = attacker.get(path);
      assertEquals(200, reply.status(), reply::toString);
      assertTrue(reply.body().contains(mallory.email()), path);
      assertFalse(
          reply.body().contains(victim.id()) || reply.body().contains(victim.email()),
          path + " leaked the victim's data");
    }
  }
}
