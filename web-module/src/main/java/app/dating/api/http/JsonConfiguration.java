package app.dating.api.http;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Type;

/**
 * The API's JSON-B settings. Yasson reads {@code "fail": "perhaps"} as {@code false}; a client that
 * sends that has a bug we should tell it about, so booleans must be JSON booleans. Yasson applies
 * custom deserializers to {@code Boolean} only, so request DTOs declare {@code Boolean}, not
 * {@code boolean}.
 */
@Provider
public class JsonConfiguration implements ContextResolver<Jsonb> {
  private final Jsonb jsonb =
      JsonbBuilder.create(new JsonbConfig().withDeserializers(new StrictBoolean()));

  @Override
  public Jsonb getContext(Class<?> type) {
    return jsonb;
  }

  static final class StrictBoolean implements JsonbDeserializer<Boolean> {
    @Override
    public Boolean deserialize(JsonParser parser, DeserializationContext context, Type type) {
      return switch (parser.getValue().getValueType()) {
        case TRUE -> Boolean.TRUE;
        case FALSE -> Boolean.FALSE;
        case NULL -> null;
        default -> throw new JsonbException("expected true or false");
      };
    }
  }
}
