package app.dating.realtime.control;

import app.dating.shared.json.JsonP;
import app.dating.chat.boundary.ChatMessage;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** The JSON frames of protocol {@code dating.v1} that the server sends (see docs/chat-protocol.md). */
public final class Frames {
  public static final int VERSION = 1;

  private Frames() {}

  public static JsonObjectBuilder frame(String type) {
    return JsonP.object().add("type", type).add("v", VERSION);
  }

  public static String message(ChatMessage m) {
    JsonObjectBuilder frame = frame("message")
        .add("conversation", m.conversation().toString())
        .add("seq", m.seq())
        .add("sender", m.sender().toString())
        .add("clientId", m.clientId())
        .add("kind", m.kind())
        .add("at", m.at().toString());
    if (m.text() != null) {
      frame.add("text", m.text());
    }
    if (m.ciphertext() != null) {
      frame.add("ciphertext", m.ciphertext());
    }
    if (m.photo() != null) {
      frame.add("photo", m.photo().toString());
    }
    return frame.build().toString();
  }

  public static String error(String code, String detail, String ref) {
    JsonObjectBuilder frame = frame("error").add("code", code).add("detail", detail);
    if (ref != null) {
      frame.add("ref", ref);
    }
    return frame.build().toString();
  }

  public static String of(JsonObjectBuilder builder) {
    JsonObject object = builder.build();
    return object.toString();
  }
}
