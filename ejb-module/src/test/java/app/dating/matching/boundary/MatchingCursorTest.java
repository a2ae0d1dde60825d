package app.dating.matching.boundary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.dating.shared.problem.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The cursor of the matches list: where the next page starts (activity time, then id). */
class MatchingCursorTest {

  private static String base64(String raw) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @CsvSource({
    "2026-11-25T10:00:00Z, 7a1c2e9d-5b3f-4c7e-9d21-0f8e6a4b3c2d",
    "2026-11-25T10:00:00.123456789Z, 00000000-0000-0000-0000-000000000000", // to the nanosecond
    "1970-01-01T00:00:00Z, ffffffff-ffff-ffff-ffff-ffffffffffff",
  })
  void aCursorReadsBackAsTheMatchItWasMadeAfter(String at, String id) {
    String cursor = Matching.encode(Instant.parse(at), UUID.fromString(id));
    assertEquals(-1, cursor.indexOf('='), "no padding");
    assertArrayEquals(new String[] {Instant.parse(at).toString(), id}, Matching.decode(cursor));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "!!!!",
        "bm90IGEgY3Vyc29y", // "not a cursor"
        "MjAyNi0xMS0yNVQxMDowMDowMFo", // a time without an id
        "fDdhMWMyZTlkLTViM2YtNGM3ZS05ZDIxLTBmOGU2YTRiM2MyZA", // an id without a time
      })
  void anythingElseIsInvalidInput(String cursor) {
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> Matching.decode(cursor));
    assertEquals("cursor", e.violations().get(0).field());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-11-25T10:00:00Z|not-an-id",
        "yesterday|7a1c2e9d-5b3f-4c7e-9d21-0f8e6a4b3c2d",
        "2026-11-25 10:00|7a1c2e9d-5b3f-4c7e-9d21-0f8e6a4b3c2d",
        "|",
      })
  void aTamperedCursorIsInvalidInput(String raw) {
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> Matching.decode(base64(raw)));
    assertEquals("cursor", e.violations().get(0).field());
  }
}
