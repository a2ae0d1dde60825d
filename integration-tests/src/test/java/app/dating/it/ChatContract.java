package app.dating.it;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The chat protocol's contract as the server serves it ({@code /asyncapi.yaml}): a frame is checked
 * against the JSON Schema of the message of its {@code type} in its direction. The direction comes
 * from the document's operations, which are the server's: {@code send} frames are the server's,
 * {@code receive} frames the clients'. Counts what it checked, for {@link ChatContractReport}.
 */
final class ChatContract {
  /** Who sends a frame. */
  enum Direction {
    /** A client's frame: the server's {@code receive} operations. */
    CLIENT("receive"),
    /** A server's frame: the server's {@code send} operations. */
    SERVER("send");

    final String action;

    Direction(String action) {
      this.action = action;
    }
  }

  /**
   * A message of the document: its key under components/messages, its frame type and payload
   * schema.
   */
  record Message(String key, String type, Schema schema, JsonNode examples) {}

  static final AtomicLong SERVER_FRAMES = new AtomicLong();
  static final AtomicLong CLIENT_FRAMES = new AtomicLong();
  static final AtomicLong REFUSED_ON_PURPOSE = new AtomicLong();

  /** Frames the tests' clients received that broke the contract (each fails its test). */
  static final AtomicLong BROKEN = new AtomicLong();

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static volatile ChatContract served;

  final JsonNode document;
  private final Map<Direction, Map<String, Message>> byType = new EnumMap<>(Direction.class);

  private ChatContract(JsonNode document) {
    this.document = document;
    // AsyncAPI 3.0's default schema format is a superset of JSON Schema draft 7; formats (uuid,
    // date-time) are asserted, not only annotations.
    SchemaRegistry registry =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_7,
            builder ->
                builder.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    for (Direction direction : Direction.values()) {
      byType.put(direction, new TreeMap<>());
    }
    for (JsonNode operation : document.path("operations").values()) {
      Direction direction =
          operation.path("action").asString().equals("send") ? Direction.SERVER : Direction.CLIENT;
      for (JsonNode ref : operation.path("messages").values()) {
        JsonNode channelMessage = at(ref.path("$ref").asString());
        String componentRef = channelMessage.path("$ref").asString();
        if (!componentRef.startsWith("#/components/messages/")) {
          throw new AssertionError("channel messages refer to components/messages: " + ref);
        }
        String key = componentRef.substring(componentRef.lastIndexOf('/') + 1);
        JsonNode message = resolve(channelMessage);
        String type =
            resolve(message.path("payload"))
                .path("properties")
                .path("type")
                .path("const")
                .asString();
        if (type.isEmpty()) {
          throw new AssertionError("message " + key + " has no type const in its payload");
        }
        // The payload by its place in the document, so that its $refs resolve against the document.
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "http://json-schema.org/draft-07/schema#");
        root.put("$ref", "#/components/messages/" + key + "/payload");
        root.set("components", document.path("components"));
        Message known = byType.get(direction).get(type);
        if (known != null && !known.key().equals(key)) {
          throw new AssertionError(
              "two " + direction + " messages of type " + type + ": " + known.key() + ", " + key);
        }
        byType
            .get(direction)
            .put(type, new Message(key, type, registry.getSchema(root), message.path("examples")));
      }
    }
  }

  /** The document the platform serves, read once per run. */
  static ChatContract served() {
    ChatContract contract = served;
    if (contract == null) {
      synchronized (ChatContract.class) {
        if (served == null) {
          Platform.Reply reply = Platform.get("/asyncapi.yaml");
          if (reply.status() != 200) {
            throw new AssertionError("GET /asyncapi.yaml: " + reply.status() + " " + reply.body());
          }
          served = of(reply.body());
        }
        contract = served;
      }
    }
    return contract;
  }

  /** A contract from the text of an AsyncAPI document (YAML or JSON). */
  static ChatContract of(String asyncApi) {
    return new ChatContract(YAMLMapper.builder().build().readTree(asyncApi));
  }

  /** The frame types of a direction and their messages. */
  Map<String, Message> messages(Direction direction) {
    return byType.get(direction);
  }

  /** What is wrong with a frame by the contract; empty when nothing is. */
  List<String> violations(Direction direction, String frame) {
    JsonNode node;
    try {
      node = JSON.readTree(frame);
    } catch (JacksonException e) {
      return List.of("not JSON: " + e.getOriginalMessage());
    }
    if (!node.isObject() || !node.path("type").isString()) {
      return List.of("not an object with a type");
    }
    Message message = byType.get(direction).get(node.path("type").asString());
    if (message == null) {
      return List.of(
          "no "
              + direction
              + " frame of type \""
              + node.path("type").asString()
              + "\" in the contract");
    }
    List<String> problems = new ArrayList<>();
    message.schema().validate(node).forEach(error -> problems.add(message.key() + ": " + error));
    return problems;
  }

  /** Checks a frame, counts it, and fails with what is wrong. */
  void check(Direction direction, String frame) {
    List<String> problems = violations(direction, frame);
    if (!problems.isEmpty()) {
      throw new AssertionError(
          direction
              + " frame breaks the contract (/asyncapi.yaml): "
              + problems
              + "\n  frame: "
              + abbreviated(frame));
    }
    (direction == Direction.SERVER ? SERVER_FRAMES : CLIENT_FRAMES).incrementAndGet();
  }

  /**
   * Checks that a frame a test sends on purpose breaks the contract (so the server's refusal of it
   * is the contract's too), and counts it.
   */
  void checkRefused(Direction direction, String frame) {
    if (violations(direction, frame).isEmpty()) {
      throw new AssertionError(
          "meant to break the contract, but it is a valid " + direction + " frame: " + frame);
    }
    REFUSED_ON_PURPOSE.incrementAndGet();
  }

  private JsonNode resolve(JsonNode maybeRef) {
    String ref = maybeRef.path("$ref").asString("");
    if (ref.isEmpty()) {
      return maybeRef;
    }
    return resolve(at(ref));
  }

  /** The node a local reference points to. */
  private JsonNode at(String ref) {
    if (!ref.startsWith("#/")) {
      throw new AssertionError("only local references are followed: " + ref);
    }
    JsonNode target = document.at(ref.substring(1));
    if (target.isMissingNode()) {
      throw new AssertionError("dangling reference " + ref);
    }
    return target;
  }

  private static String abbreviated(String frame) {
    return frame.length() <= 500
        ? frame
        : frame.substring(0, 500) + "… (" + frame.length() + " characters)";
  }
}
