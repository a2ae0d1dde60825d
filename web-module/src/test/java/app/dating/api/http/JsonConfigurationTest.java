package app.dating.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonConfigurationTest {
  private final Jsonb jsonb = new JsonConfiguration().getContext(Object.class);

  public record Body(String message, Boolean flag) {}

  @Test
  void jsonBooleansAndAbsenceAreRead() {
    assertEquals(Boolean.TRUE, jsonb.fromJson("{\"message\":\"m\",\"flag\":true}", Body.class).flag());
    assertEquals(Boolean.FALSE, jsonb.fromJson("{\"flag\":false}", Body.class).flag());
    assertNull(jsonb.fromJson("{\"message\":\"m\"}", Body.class).flag());
    assertNull(jsonb.fromJson("{\"flag\":null}", Body.class).flag());
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"perhaps\"", "\"true\"", "1", "[]", "{}"})
  void anythingElseIsRejected(String value) {
    assertThrows(JsonbException.class, () -> jsonb.fromJson("{\"flag\":" + value + "}", Body.class));
  }
}
