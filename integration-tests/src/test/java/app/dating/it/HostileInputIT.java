package app.dating.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dating.it.Platform.Reply;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Hostile input against every operation the OpenAPI document describes, signed in: broken and
 * oversized path and query parameters, malformed and mistyped bodies, every field of a body set to
 * something it should not be. Nothing may answer 5xx, every refusal is a problem document, and
 * every answer keeps the contract (each goes through {@link Contract}).
 */
class HostileInputIT {
  private static final String LONG = "x".repeat(5_000);
  // (The long one stays below the server's 8 KiB request line with a path and three query
  // parameters;
  // a NUL in the path or a longer line is Apache's to refuse, see ApacheFrontIT: Payara answers
  // those
  // with an empty 400.)
  private static final List<String> PARAMETERS =
      List.of(
          "not-a-uuid",
          "-1",
          "0",
          "99999999999999999999",
          "y".repeat(1_000),
          "' or 1=1 --",
          "<script>",
          "%",
          "null");
  private static final List<String> BODIES =
      List.of(
          "{",
          "[]",
          "null",
          "\"text\"",
          "42",
          "{\"a\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}",
          "{}",
          "{\"unknown\":true}");
  private static final List<JsonValue> FIELD_VALUES =
      List.of(
          Json.createValue(LONG),
          Json.createValue(-1),
          Json.createValue(1e308),
          JsonValue.TRUE,
          JsonValue.NULL,
          Json.createArrayBuilder().add(1).build(),
          Json.createObjectBuilder().add("a", 1).build(),
          Json.createValue("not-a-uuid"),
          Json.createValue("1899-13-45"));

  private int requests;
  private final Map<Integer, Integer> statuses = new TreeMap<>();

  @Test
  void noOperationAnswers5xxToHostileInput() throws Exception {
    JsonObject document =
        Json.createReader(new StringReader(Contract.servedDocument())).readObject();
    Api.Account account = Api.register();
    account.verifyEmail();
    Api api = account.api().bearer(account.accessToken());

    List<Map.Entry<String, JsonObject>> operations = new ArrayList<>();
    document
        .getJsonObject("paths")
        .forEach(
            (path, item) ->
                item.asJsonObject()
                    .forEach(
                        (method, operation) -> {
                          if (!"parameters".equals(method)) {
                            operations.add(
                                Map.entry(
                                    method.toUpperCase(Locale.ROOT) + " " + path,
                                    operation.asJsonObject()));
                          }
                        }));
    // What ends the session or the account goes last, so the rest is tried signed in.
    operations.sort(
        Comparator.comparing(
            e -> e.getValue().getString("operationId").matches("(?i).*(logout|signout|delete).*")));

    for (Map.Entry<String, JsonObject> operation : operations) {
      String method = operation.getKey().split(" ")[0];
      String path = operation.getKey().split(" ")[1];
      JsonObject op = operation.getValue();
      for (String value : PARAMETERS) {
        send(api, method, withParameters(path, op, value), null, null);
      }
      if (op.containsKey("requestBody")) {
        JsonObject content = op.getJsonObject("requestBody").getJsonObject("content");
        if (content.containsKey("application/json")) {
          String target = withParameters(path, op, UUID.randomUUID().toString());
          for (String body : BODIES) {
            send(api, method, target, "application/json", body);
          }
          JsonObject schema =
              resolve(document, content.getJsonObject("application/json").getJsonObject("schema"));
          for (String field :
              schema.containsKey("properties")
                  ? schema.getJsonObject("properties").keySet()
                  : List.<String>of()) {
            for (JsonValue bad : FIELD_VALUES) {
              send(
                  api,
                  method,
                  target,
                  "application/json",
                  Json.createObjectBuilder().add(field, bad).build().toString());
            }
          }
        } else {
          send(
              api,
              method,
              withParameters(path, op, UUID.randomUUID().toString()),
              "multipart/form-data; boundary=x",
              "--x\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nnot an image\r\n--x--\r\n");
          send(
              api,
              method,
              withParameters(path, op, UUID.randomUUID().toString()),
              "multipart/form-data; boundary=x",
              "--x");
        }
      }
    }
    System.out.printf(
        "HostileInputIT: %d requests over %d operations, statuses %s%n",
        requests, operations.size(), statuses);
    assertTrue(requests > 1_000, "the sweep sent only " + requests + " requests");
  }

  private void send(Api api, String method, String target, String contentType, String body) {
    HttpRequest.BodyPublisher publisher =
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body);
    Reply reply = api.exchange(method, target, contentType, publisher);
    requests++;
    statuses.merge(reply.status(), 1, Integer::sum);
    String what =
        method
            + " "
            + target.substring(0, Math.min(200, target.length()))
            + (body == null ? "" : " " + body.substring(0, Math.min(200, body.length())));
    assertTrue(reply.status() < 500, () -> what + " -> " + reply);
    if (reply.status() >= 400) {
      assertTrue(
          reply.contentType() != null && reply.contentType().startsWith("application/problem+json"),
          () -> what + " -> " + reply);
      assertEquals(reply.status(), reply.json().getInt("status"), () -> what + " -> " + reply);
    }
  }

  /** The path with every path parameter, and every query parameter, set to {@code value}. */
  private static String withParameters(String path, JsonObject operation, String value) {
    String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    String target = path.replaceAll("\\{[^}]+}", encoded);
    StringBuilder query = new StringBuilder();
    if (operation.containsKey("parameters")) {
      for (JsonValue parameter : operation.getJsonArray("parameters")) {
        JsonObject p = parameter.asJsonObject();
        if ("query".equals(p.getString("in"))) {
          query
              .append(query.length() == 0 ? '?' : '&')
              .append(p.getString("name"))
              .append('=')
              .append(encoded);
        }
      }
    }
    return target + query;
  }

  private static JsonObject resolve(JsonObject document, JsonObject schema) {
    if (!schema.containsKey("$ref")) {
      return schema;
    }
    String name = schema.getString("$ref").substring("#/components/schemas/".length());
    return document.getJsonObject("components").getJsonObject("schemas").getJsonObject(name);
  }
}
