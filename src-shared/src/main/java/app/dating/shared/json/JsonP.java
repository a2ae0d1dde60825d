package app.dating.shared.json;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;

/**
 * JSON-P through one provider, looked up once. {@code Json.createObjectBuilder()} and friends look
 * the provider up on every call (a class-path scan): about 13 % of the CPU of a swipe under load
 * (measured with JFR, benchmarks/matching-http).
 */
public final class JsonP {
  private static final JsonProvider PROVIDER = JsonProvider.provider();

  private JsonP() {}

  public static JsonObjectBuilder object() {
    return PROVIDER.createObjectBuilder();
  }

  public static JsonArrayBuilder array() {
    return PROVIDER.createArrayBuilder();
  }

  public static JsonNumber value(long number) {
    return PROVIDER.createValue(number);
  }

  public static JsonNumber value(double number) {
    return PROVIDER.createValue(number);
  }

  public static JsonString value(String text) {
    return PROVIDER.createValue(text);
  }

  /** Parses a JSON object; {@link jakarta.json.JsonException} or {@link ClassCastException} when it is not one. */
  public static JsonObject readObject(String json) {
    try (var reader = PROVIDER.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }

  public static JsonValue readValue(String json) {
    try (var reader = PROVIDER.createReader(new StringReader(json))) {
      return reader.readValue();
    }
  }
}
