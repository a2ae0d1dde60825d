package app.dating.identity.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Revocations compare milliseconds: the issue time a token is judged by. */
class AccessTokensIssuedAtTest {

  @Test
  void millisecondsFromTheClaimWhateverItsJsonType() {
    assertEquals(Instant.ofEpochMilli(1_700_000_000_123L), AccessTokens.issuedAt(1_700_000_000_123L, 1_700_000_000L));
    assertEquals(Instant.ofEpochMilli(1_700_000_000_123L),
        AccessTokens.issuedAt(Json.createValue(1_700_000_000_123L), 1_700_000_000L));
  }

  @Test
  void withoutTheClaimTheEndOfTheIatSecond() {
    assertEquals(Instant.ofEpochMilli(1_700_000_000_999L), AccessTokens.issuedAt(null, 1_700_000_000L));
  }
}
