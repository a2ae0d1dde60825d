package app.dating.realtime.control;

import app.dating.chat.boundary.ChatFrames.ErrorCode;
import app.dating.shared.json.JsonP;
import app.dating.shared.problem.InvalidInputException;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * A frame a client sent on the chat socket, read: a JSON object with a {@code type}, at most
 * {@value #MAX_BYTES} bytes. Its fields are read here too, each refused as {@code invalid} (naming
 * the field) when it is missing or of the wrong kind. What the frames mean is ChatEndpoint's.
 */
public record Inbound(String type, JsonObject fields) {
  /**
   * Frames above this get an error frame; the container refuses far larger ones outright (1009).
   */
  public static final int MAX_BYTES = 64 * 1024;

  /** Text that is no frame: the code and detail of the error frame that answers it. */
  public static final class Unreadable extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final ErrorCode code;

    Unreadable(ErrorCode code, String detail) {
      super(detail, null, false, false);
      this.code = code;
    }

    public ErrorCode code() {
      return code;
    }
  }

  /**
   * Reads a frame.
   *
   * @throws Unreadable {@code too-large}, or {@code malformed} when it is not a JSON object with a
   *     type
   */
  public static Inbound read(String text) {
    // UTF-8 takes at most three bytes per UTF-16 unit: only a long text needs counting.
    if (text.length() > MAX_BYTES / 3 && text.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      throw new Unreadable(ErrorCode.TOO_LARGE, "Frames may hold at most " + MAX_BYTES + " bytes.");
    }
    JsonValue value;
    try {
      value = JsonP.readValue(text);
    } catch (JsonException | IllegalStateException e) {
      throw new Unreadable(ErrorCode.MALFORMED, "This frame is not JSON.");
    }
    if (value.getValueType() != JsonValue.ValueType.OBJECT
        || !value.asJsonObject().containsKey("type")) {
      throw new Unreadable(ErrorCode.MALFORMED, "A frame is a JSON object with a \"type\".");
    }
    JsonObject fields = value.asJsonObject();
    return new Inbound(fields.get("type") instanceof JsonString s ? s.getString() : "", fields);
  }

  /**
   * The client's id of the message the frame is about (error frames name it as {@code ref}), or
   * null.
   */
  public String clientId() {
    return text(fields, "clientId");
  }

  /** The token of an {@code auth} frame, or null. */
  public String token() {
    return text(fields, "token");
  }

  /** A field holding an id. */
  public UUID uuid(String field) {
    try {
      return UUID.fromString(fields.getString(field));
    } catch (RuntimeException e) {
      throw InvalidInputException.of(field, "Give the " + field + " as an id.");
    }
  }

  /**
   * A field's text; a field that is there but not text counts as given and empty (refused as such);
   * null: not given.
   */
  public String given(String field) {
    return fields.get(field) instanceof JsonString s
        ? s.getString()
        : fields.containsKey(field) ? "" : null;
  }

  /** The {@code upTo} of a receipt. */
  public long upTo() {
    if (!(fields.get("upTo") instanceof JsonNumber upTo)) {
      throw InvalidInputException.of("upTo", "The sequence number read or received up to.");
    }
    return upTo.longValue();
  }

  /** What a {@code sync} says the client has of a conversation (never below 0), if it says it. */
  public OptionalLong has(UUID conversation) {
    if (fields.get("conversations") instanceof JsonObject has
        && has.get(conversation.toString()) instanceof JsonNumber seq) {
      return OptionalLong.of(Math.max(0, seq.longValue()));
    }
    return OptionalLong.empty();
  }

  private static String text(JsonObject fields, String field) {
    return fields.get(field) instanceof JsonString s ? s.getString() : null;
  }
}
