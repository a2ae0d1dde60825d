package app.dating.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dating.it.Platform.Reply;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad requests of every kind get an RFC 9457 problem with a stable type, never a 500 or a trace.
 */
class ProblemResponsesIT {
  private static final String JOBS = "/api/v1/system/jobs";

  /** A request to the jobs resource, as an admin (the diagnostics are for admins: RolesIT). */
  private static Reply jobs(HttpRequest.Builder request) {
    return Platform.send(request.header("Authorization", RolesIT.adminBearer()));
  }

  private static Reply postJobs(String json) {
    return jobs(
        HttpRequest.newBuilder(Platform.uri(JOBS))
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString(json)));
  }

  private static JsonObject problem(Reply reply, int status, String type) {
    assertEquals(status, reply.status(), reply::toString);
    assertTrue(reply.contentType().startsWith("application/problem+json"), reply::toString);
    JsonObject body = reply.json();
    assertEquals("urn:dating:problem:" + type, body.getString("type"), reply::toString);
    assertEquals(status, body.getInt("status"));
    assertFalse(body.getString("title").isBlank());
    assertFalse(body.getString("detail").isBlank());
    assertEquals(reply.header("X-Request-Id"), body.getString("requestId"));
    assertFalse(
        reply.body().contains("Exception"), "no stack trace or exception name: " + reply.body());
    return body;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"/api/v1/no-such-thing", "/no-such-page", "/api/v2/health", "/ws/no-such-socket"})
  void unknownPathsAreNotFoundProblems(String path) {
    JsonObject body = problem(Platform.get(path), 404, "not-found");
    assertEquals(path, body.getString("instance"));
  }

  @Test
  void wrongMethodIsMethodNotAllowedWithAllow() {
    Reply reply = Platform.send(HttpRequest.newBuilder(Platform.uri("/api/v1/health")).DELETE());
    problem(reply, 405, "method-not-allowed");
    assertTrue(reply.header("Allow").contains("GET"), reply.header("Allow"));
  }

  @Test
  void wrongContentTypeIsUnsupportedMediaType() {
    Reply reply =
        jobs(
            HttpRequest.newBuilder(Platform.uri(JOBS))
                .header("Content-Type", "text/plain")
                .POST(BodyPublishers.ofString("message=hi")));
    problem(reply, 415, "unsupported-media-type");
  }

  @Test
  void unacceptableAcceptIsNotAcceptable() {
    Reply reply =
        Platform.send(
            HttpRequest.newBuilder(Platform.uri("/api/v1/health")).header("Accept", "text/csv"));
    problem(reply, 406, "not-acceptable");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"message\": ",
        "not json at all",
        "[1, 2]",
        "{\"message\": \"hi\", \"fail\": \"perhaps\"}"
      })
  void malformedJsonIsBadRequest(String json) {
    problem(postJobs(json), 400, "malformed-request");
  }

  @Test
  void emptyBodyIsABadRequest() {
    problem(postJobs(""), 400, "malformed-request");
  }

  @Test
  void invalidFieldsAreListedByName() {
    JsonObject body =
        problem(postJobs("{\"message\": \"" + "x".repeat(201) + "\"}"), 400, "validation");
    JsonObject error = body.getJsonArray("errors").getJsonObject(0);
    assertEquals("message", error.getString("field"));
    assertNotNull(error.getString("message"));

    JsonObject missing = problem(postJobs("{}"), 400, "validation");
    assertEquals("message", missing.getJsonArray("errors").getJsonObject(0).getString("field"));
  }

  /** Declared too large: answered at once, before the body is read. */
  @Test
  void tooLargeBodyIsRejected() throws Exception {
    byte[] body =
        ("{\"message\": \"" + "x".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8);
    try (Socket socket = new Socket("localhost", Platform.HTTP_PORT)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST "
                  + JOBS
                  + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                  + "Authorization: "
                  + RolesIT.adminBearer()
                  + "\r\n"
                  + "Content-Length: "
                  + body.length
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(response.startsWith("HTTP/1.1 413"), response);
      assertTrue(response.contains("application/problem+json"), response);
      assertTrue(response.contains("urn:dating:problem:payload-too-large"), response);
    }
  }

  @Test
  void tooLargeChunkedBodyIsRejected() {
    byte[] big = ("{\"message\": \"" + "x".repeat(70_000) + "\"}").getBytes();
    Reply reply =
        jobs(
            HttpRequest.newBuilder(Platform.uri(JOBS))
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))));
    problem(reply, 413, "payload-too-large");
  }

  @Test
  void requestIdIsKeptWhenWellFormedAndReplacedOtherwise() {
    Reply kept =
        Platform.send(
            HttpRequest.newBuilder(Platform.uri("/api/v1/health"))
                .header("X-Request-Id", "trace-1234abcd"));
    assertEquals("trace-1234abcd", kept.header("X-Request-Id"));

    Reply tooShort =
        Platform.send(
            HttpRequest.newBuilder(Platform.uri("/api/v1/health")).header("X-Request-Id", "abc"));
    assertTrue(
        tooShort.header("X-Request-Id").matches("[0-9a-f-]{36}"), tooShort.header("X-Request-Id"));
    Reply replaced =
        Platform.send(
            HttpRequest.newBuilder(Platform.uri("/api/v1/health"))
                .header("X-Request-Id", "<script>alert(1)</script>"));
    assertTrue(
        replaced.header("X-Request-Id").matches("[0-9a-f-]{36}"), replaced.header("X-Request-Id"));
  }
}
