package app.dating.shared.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ProblemTypeTest {

  @ParameterizedTest
  @CsvSource({
    "400, MALFORMED_REQUEST",
    "401, UNAUTHORIZED",
    "404, NOT_FOUND",
    "405, METHOD_NOT_ALLOWED",
    "413, PAYLOAD_TOO_LARGE",
    "415, UNSUPPORTED_MEDIA_TYPE",
    "418, HTTP_ERROR",
    "429, RATE_LIMITED",
    "500, INTERNAL",
    "502, INTERNAL",
    "503, UNAVAILABLE"
  })
  void containerStatusesMapToTheirType(int status, ProblemType expected) {
    assertEquals(expected, ProblemType.forStatus(status));
  }

  @Test
  void typeUrisAreDistinctAndStable() {
    List<String> uris = Arrays.stream(ProblemType.values()).map(ProblemType::uri).toList();
    assertEquals(uris.size(), uris.stream().distinct().count());
    assertEquals("urn:dating:problem:validation", ProblemType.VALIDATION.uri());
  }

  @Test
  void emptyErrorListIsLeftOut() {
    Problem problem = Problem.of(ProblemType.VALIDATION, "bad").withErrors(List.of());
    assertNull(problem.errors());
    assertEquals(400, problem.status());
  }

  @ParameterizedTest
  @CsvSource({"1, 1", "999, 1", "1000, 1", "1001, 2", "59500, 60"})
  void retryAfterRoundsUpToWholeSeconds(long millis, long seconds) {
    assertEquals(seconds, new RateLimitedException("slow down", Duration.ofMillis(millis)).retryAfterSeconds());
  }
}
