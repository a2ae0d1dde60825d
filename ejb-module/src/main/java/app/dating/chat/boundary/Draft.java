package app.dating.chat.boundary;

import app.dating.chat.entity.Message;
import app.dating.shared.problem.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A message as its sender sends it, checked (client id, content, sizes) and not stored yet: text as
 * UTF-8, end-to-end ciphertext as its bytes, a photo message as its photo's id.
 */
public record Draft(UUID sender, UUID conversationId, String clientId, Message.Kind kind, byte[] plain) {
  public static final int TEXT_MAX = 4000;
  public static final int CIPHERTEXT_MAX = 16 * 1024;
  private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  /** What makes a message the same message: a resend has the same key. */
  public record Key(UUID conversationId, UUID sender, String clientId) {}

  public Key key() {
    return new Key(conversationId, sender, clientId);
  }

  /**
   * What a message carries, from the fields a client filled in (null: not given): {@code text},
   * {@code ciphertext} (end to end) or {@code photo} (a chat photo's id), which comes alone.
   */
  public record Content(Message.Kind kind, String value) {
    public static Content of(String text, String ciphertext, String photo) {
      if (photo != null) {
        if (text != null || ciphertext != null) {
          throw InvalidInputException.of("photo", "A photo message carries the photo alone: no text or ciphertext.");
        }
        return new Content(Message.Kind.PHOTO, photo);
      }
      return ciphertext != null ? new Content(Message.Kind.E2E, ciphertext) : new Content(Message.Kind.TEXT, text);
    }
  }

  /** The draft of a message, or the reason it cannot be one (a 400 at the API, an error frame on the socket). */
  public static Draft of(UUID sender, UUID conversationId, String clientId, Message.Kind kind, String content) {
    if (clientId == null || !CLIENT_ID.matcher(clientId).matches()) {
      throw InvalidInputException.of("clientId", "Give each message an id of 1 to 64 letters, digits, - or _.");
    }
    return new Draft(sender, conversationId, clientId, kind, validContent(kind, content));
  }

  private static byte[] validContent(Message.Kind kind, String content) {
    if (kind == null) {
      throw InvalidInputException.of("kind", "Send TEXT, PHOTO or E2E.");
    }
    if (content == null || content.isBlank()) {
      throw InvalidInputException.of(switch (kind) {
        case TEXT -> "text";
        case PHOTO -> "photo";
        case E2E -> "ciphertext";
      }, "A message needs content.");
    }
    switch (kind) {
      case TEXT -> {
        if (content.length() > TEXT_MAX) {
          throw InvalidInputException.of("text", "At most " + TEXT_MAX + " characters.");
        }
        return content.getBytes(StandardCharsets.UTF_8);
      }
      case E2E -> {
        if (content.length() > CIPHERTEXT_MAX * 4 / 3 + 4) {
          throw InvalidInputException.of("ciphertext", "At most " + CIPHERTEXT_MAX + " bytes.");
        }
        try {
          return Base64.getDecoder().decode(content);
        } catch (IllegalArgumentException e) {
          throw InvalidInputException.of("ciphertext", "Send the ciphertext as base64.");
        }
      }
      case PHOTO -> {
        try {
          return UUID.fromString(content).toString().getBytes(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
          throw InvalidInputException.of("photo", "Give the id of the photo you uploaded for this conversation.");
        }
      }
      default -> throw new IllegalArgumentException("unknown kind " + kind);
    }
  }
}
