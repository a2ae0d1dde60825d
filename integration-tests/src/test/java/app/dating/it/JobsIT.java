package app.dating.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dating.it.Platform.Reply;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A job sent through the API is consumed by the message-driven bean from the server's JMS queue;
 * one that always fails is retried, then moved to the dead-letter queue with its reason. (The
 * platform runs with JOBS_MAX_ATTEMPTS=3, JOBS_RETRY_DELAY_MS=200.)
 */
class JobsIT {

  /** The diagnostics are for admins (RolesIT). */
  private static Reply asAdmin(HttpRequest.Builder request) {
    return Platform.send(request.header("Authorization", RolesIT.adminBearer()));
  }

  private static JsonObject submit(String json) {
    Reply reply =
        asAdmin(
            HttpRequest.newBuilder(Platform.uri("/api/v1/system/jobs"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    assertEquals(202, reply.status(), reply::toString);
    JsonObject job = reply.json();
    assertEquals("QUEUED", job.getString("status"));
    assertTrue(
        reply.header("Location").endsWith("/api/v1/system/jobs/" + job.getString("id")),
        reply.header("Location"));
    return job;
  }

  private static JsonObject awaitStatus(String id, Set<String> finals) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    JsonObject job;
    do {
      Reply reply = asAdmin(HttpRequest.newBuilder(Platform.uri("/api/v1/system/jobs/" + id)));
      assertEquals(200, reply.status(), reply::toString);
      job = reply.json();
      if (finals.contains(job.getString("status"))) {
        return job;
      }
      Thread.sleep(100);
    } while (Instant.now().isBefore(deadline));
    throw new AssertionError("job still " + job + " after 60 s");
  }

  @Test
  void jobIsConsumedFromTheQueue() throws InterruptedException {
    JsonObject job = submit("{\"message\": \"hello from JobsIT\"}");
    JsonObject done = awaitStatus(job.getString("id"), Set.of("SUCCEEDED", "DEAD_LETTERED"));
    assertEquals("SUCCEEDED", done.getString("status"), done::toString);
    assertEquals(1, done.getInt("attempts"));
  }

  @Test
  void failingJobEndsInTheDeadLetterQueueWithItsReason() throws InterruptedException {
    JsonObject job = submit("{\"message\": \"doomed\", \"fail\": true}");
    JsonObject dead = awaitStatus(job.getString("id"), Set.of("SUCCEEDED", "DEAD_LETTERED"));
    assertEquals("DEAD_LETTERED", dead.getString("status"), dead::toString);
    assertEquals(3, dead.getInt("attempts"));
    assertTrue(dead.getString("lastError").contains("asked to fail"), dead::toString);
  }

  /** The request id of the call that queued a job tags the log lines of the job's attempts too. */
  @Test
  void logLinesOfAJobCarryTheRequestIdOfTheCallThatQueuedIt() throws Exception {
    String requestId = "jobs-it-" + UUID.randomUUID();
    Reply reply =
        asAdmin(
            HttpRequest.newBuilder(Platform.uri("/api/v1/system/jobs"))
                .header("Content-Type", "application/json")
                .header("X-Request-Id", requestId)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"message\": \"traced\", \"fail\": true}")));
    assertEquals(requestId, reply.header("X-Request-Id"));
    awaitStatus(reply.json().getString("id"), Set.of("DEAD_LETTERED"));
    Path log =
        Path.of(
            System.getProperty("it.platform.home"),
            "payara6/glassfish/domains/dating/logs/server.log");
    List<String> tagged =
        Arrays.stream(Files.readString(log).split("]]\n")) // one log record each
            .filter(record -> record.contains("rid=" + requestId))
            .toList();
    assertTrue(
        tagged.stream().anyMatch(record -> record.contains("dead-lettered after 3 attempts")),
        tagged::toString);
    assertTrue(
        tagged.stream().filter(record -> record.contains("retry in")).count() >= 2,
        tagged::toString);
  }

  @Test
  void unknownJobIsNotFound() {
    Reply reply =
        asAdmin(
            HttpRequest.newBuilder(
                Platform.uri("/api/v1/system/jobs/7b0c8a6e-0000-4000-8000-000000000000")));
    assertEquals(404, reply.status(), reply::toString);
    assertEquals(
        404,
        asAdmin(HttpRequest.newBuilder(Platform.uri("/api/v1/system/jobs/not-a-uuid"))).status());
  }
}
