package app.dating.chat.boundary;

import app.dating.shared.json.JsonP;
import app.dating.shared.problem.BusinessException;
import app.dating.shared.problem.InvalidInputException;
import app.dating.shared.problem.ProblemType;
import app.dating.shared.problem.RateLimitedException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Optional;
import java.util.UUID;

/**
 * Every frame the server sends on the chat socket (protocol {@value #PROTOCOL}), built here and
 * nowhere else: the socket endpoint, the fan-out of typing, receipts and presence, and the REST API
 * (its send answer and the {@code read} frame a REST receipt fans out) all call these methods. The
 * contract is {@code /asyncapi.yaml} (web-module/src/main/webapp/asyncapi.yaml) and
 * docs/chat-protocol.md; integration tests check every frame a real client receives against it.
 *
 * <p>Every frame is an object with {@code type} and {@code v} ({@value #VERSION}). Optional fields
 * are left out, never sent empty or null.
 */
public final class ChatFrames {
  public static final String PROTOCOL = "dating.v1";
  public static final int VERSION = 1;

  /** The {@code code} of an {@code error} frame: a closed list, as published in the contract. */
  public enum ErrorCode {
    /** Not JSON, or not an object with a {@code type}. */
    MALFORMED("malformed"),
    UNKNOWN_TYPE("unknown-type"),
    /** Larger than the socket's frame limit (64 KiB). */
    TOO_LARGE("too-large"),
    /** A field is missing or wrong; the detail names it first ({@code photo: …}). */
    INVALID("invalid"),
    /** Not an active match of the sender (unmatched, blocked, or never one). */
    NOT_FOUND("not-found"),
    PHOTO_NOT_READY("photo-not-ready"),
    /** With {@code retryAfter} seconds: a limit of the account, or the socket's frame budget. */
    RATE_LIMITED("rate-limited"),
    /** A frame other than {@code auth} before signing in. */
    UNAUTHENTICATED("unauthenticated"),
    /** An {@code auth} frame on a socket that is signed in. */
    ALREADY_AUTHENTICATED("already-authenticated"),
    INTERNAL("internal");

    private final String code;

    ErrorCode(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }

    /** The code for a business refusal of this kind, if the protocol names one. */
    public static Optional<ErrorCode> of(ProblemType type) {
      return Optional.ofNullable(
          switch (type) {
            case VALIDATION -> INVALID;
            case NOT_FOUND -> NOT_FOUND;
            case PHOTO_NOT_READY -> PHOTO_NOT_READY;
            case RATE_LIMITED, DAILY_LIMIT -> RATE_LIMITED;
            case INTERNAL -> INTERNAL;
            default -> null;
          });
    }
  }

  private ChatFrames() {}

  /** Signed in: the socket's account. */
  public static String ready(UUID account) {
    return frame("ready").add("account", account.toString()).build().toString();
  }

  /**
   * The message is stored (after the commit) as number {@code seq}; {@code duplicate}: stored
   * before.
   */
  public static String ack(Ack ack) {
    return ackFields(frame("ack"), ack).build().toString();
  }

  /**
   * The answer of {@code POST /api/v1/conversations/{id}/messages}: the ack frame's fields without
   * {@code type} and {@code v}, which only frames on the socket carry.
   */
  public static JsonObject ackBody(Ack ack) {
    return ackFields(JsonP.object(), ack).build();
  }

  private static JsonObjectBuilder ackFields(JsonObjectBuilder builder, Ack ack) {
    return builder
        .add("conversation", ack.conversation().toString())
        .add("clientId", ack.clientId())
        .add("seq", ack.seq())
        .add("at", ack.at().toString())
        .add("duplicate", ack.duplicate());
  }

  /**
   * A message, with exactly one of {@code text}, {@code ciphertext} and {@code photo} (by its
   * kind).
   */
  public static String message(ChatMessage m) {
    JsonObjectBuilder frame =
        frame("message")
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

  /** {@code from} is typing in the conversation. */
  public static String typing(UUID conversation, UUID from) {
    return frame("typing")
        .add("conversation", conversation.toString())
        .add("from", from.toString())
        .build()
        .toString();
  }

  /**
   * A {@code read} or {@code delivered} receipt: how far {@code by} has read or received the
   * conversation.
   */
  public static String receipt(Receipt receipt, boolean read) {
    return frame(read ? "read" : "delivered")
        .add("conversation", receipt.conversation().toString())
        .add("by", receipt.by().toString())
        .add("upTo", read ? receipt.readUpTo() : receipt.deliveredUpTo())
        .build()
        .toString();
  }

  /** A match came online or went offline. */
  public static String presence(UUID account, boolean online) {
    return frame("presence")
        .add("account", account.toString())
        .add("online", online)
        .build()
        .toString();
  }

  /** The answer to {@code ping}. */
  public static String pong() {
    return frame("pong").build().toString();
  }

  /**
   * A page of a {@code sync} was sent, before this frame; {@code next}, while there is more, is the
   * {@code cursor} of the {@code sync} that sends the next page. Without it the sync is done.
   */
  public static String synced(Optional<String> next) {
    JsonObjectBuilder frame = frame("synced");
    next.ifPresent(cursor -> frame.add("next", cursor));
    return frame.build().toString();
  }

  /**
   * A frame was refused; the socket stays open.
   *
   * @param ref the {@code clientId} of the frame it concerns, left out when null
   */
  public static String error(ErrorCode code, String detail, String ref) {
    return errorFields(code, detail, ref).build().toString();
  }

  /**
   * The error frame for a business refusal: {@code invalid} with the first field named in the
   * detail, {@code rate-limited} with {@code retryAfter} seconds, or the code of the refusal's
   * kind; a kind the protocol does not name is reported as {@code internal}, with its detail.
   */
  public static String refusal(BusinessException e, String ref) {
    if (e instanceof InvalidInputException invalid && !invalid.violations().isEmpty()) {
      var first = invalid.violations().get(0);
      return error(ErrorCode.INVALID, first.field() + ": " + first.message(), ref);
    }
    if (e instanceof RateLimitedException limited) {
      return errorFields(ErrorCode.RATE_LIMITED, e.getMessage(), ref)
          .add("retryAfter", limited.retryAfterSeconds())
          .build()
          .toString();
    }
    return error(ErrorCode.of(e.type()).orElse(ErrorCode.INTERNAL), e.getMessage(), ref);
  }

  private static JsonObjectBuilder errorFields(ErrorCode code, String detail, String ref) {
    JsonObjectBuilder frame =
        frame("error").add("code", code.code()).add("detail", detail == null ? "" : detail);
    if (ref != null) {
      frame.add("ref", ref);
    }
    return frame;
  }

  private static JsonObjectBuilder frame(String type) {
    return JsonP.object().add("type", type).add("v", VERSION);
  }
}
