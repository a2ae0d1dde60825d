package app.dating.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The API as a client other than the test suite's own sees it: curl, speaking HTTP/1.1 straight to
 * a server listener as Apache's proxy does. A DELETE with a JSON body got an empty 400 from the
 * HTTP layer here while the suite's JDK client (upgraded to HTTP/2) got through.
 */
class PlainClientsIT {

  /** What curl received: status, content type, body. */
  record Curl(int status, String contentType, String body) {
    JsonObject json() {
      return Json.createReader(new StringReader(body)).readObject();
    }
  }

  static Curl curl(String method, String path, String bearer, String json) throws Exception {
    Path out = Files.createTempFile("curl", ".body");
    try {
      List<String> command =
          new ArrayList<>(
              List.of(
                  "curl",
                  "-sS",
                  "--http1.1",
                  "-X",
                  method,
                  "-o",
                  out.toString(),
                  "-w",
                  "%{http_code} %{content_type}",
                  "-H",
                  "X-Forwarded-For: 198.18.9." + (1 + (int) (Math.random() * 250))));
      if (bearer != null) {
        command.addAll(List.of("-H", "Authorization: Bearer " + bearer));
      }
      if (json != null) {
        command.addAll(List.of("-H", "Content-Type: application/json", "--data-binary", json));
      }
      command.add(Platform.uri(path).toString());
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String written = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(process.waitFor(30, TimeUnit.SECONDS), "curl did not end");
      assertEquals(0, process.exitValue(), "curl failed: " + written);
      String[] statusAndType = written.split(" ", 2);
      return new Curl(
          Integer.parseInt(statusAndType[0]),
          statusAndType.length > 1 ? statusAndType[1] : "",
          Files.readString(out, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AssertionError("curl is needed (apt-get install curl)", e);
    } finally {
      Files.deleteIfExists(out);
    }
  }

  @Test
  void curlDeletesAnAccountWithThePasswordInTheBody() throws Exception {
    Api.Account account = Api.register();
    String token = account.accessToken();

    Curl wrong = curl("DELETE", "/api/v1/me", token, "{\"currentPassword\":\"not the password\"}");
    assertEquals(400, wrong.status(), wrong::toString);
    assertTrue(wrong.contentType().startsWith("application/problem+json"), wrong::toString);
    assertEquals(
        "currentPassword", wrong.json().getJsonArray("errors").getJsonObject(0).getString("field"));

    Curl deleted =
        curl("DELETE", "/api/v1/me", token, "{\"currentPassword\":\"" + Api.PASSWORD + "\"}");
    assertEquals(204, deleted.status(), deleted::toString);
    Curl gone = curl("GET", "/api/v1/me", token, null);
    assertEquals(401, gone.status(), gone::toString);
  }

  @Test
  void aBodyOnAGetIsAProblemNotAnEmptyRefusal() throws Exception {
    Curl reply = curl("GET", "/api/v1/health", null, "{}");
    assertEquals(400, reply.status(), reply::toString);
    assertTrue(reply.contentType().startsWith("application/problem+json"), reply::toString);
    assertEquals("urn:dating:problem:malformed-request", reply.json().getString("type"));
  }

  @Test
  void optionsDescribesNoWadl() throws Exception {
    Curl reply = curl("OPTIONS", "/api/v1/health", null, null);
    assertEquals(200, reply.status(), reply::toString);
    assertFalse(reply.contentType().contains("wadl"), reply::toString);
    assertFalse(reply.body().contains("<application"), reply::toString);
  }
}
