package app.dating.chat.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dating.chat.boundary.ChatFrames.ErrorCode;
import app.dating.shared.json.JsonP;
import app.dating.shared.problem.BusinessException;
import app.dating.shared.problem.InvalidInputException;
import app.dating.shared.problem.Problem.FieldViolation;
import app.dating.shared.problem.ProblemType;
import app.dating.shared.problem.RateLimitedException;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each server frame of dating.v1, field by field, as docs/chat-protocol.md and /asyncapi.yaml
 * publish it.
 */
class ChatFramesTest {
  private static final UUID CONVERSATION = UUID.fromString("0b7e4c1e-4a57-4d2b-9a0c-6a1c1a0b0c01");
  private static final UUID ME = UUID.fromString("5f0c8d0e-2a57-4d2b-9a0c-6a1c1a0b0c02");
  private static final UUID PEER = UUID.fromString("7a1d9e1f-3b68-4e3c-8b1d-7b2d2b1c1d03");
  private static final Instant AT = Instant.parse("2026-12-04T20:29:28.123456Z");

  @Test
  void readyNamesTheAccount() {
    assertEquals("{\"type\":\"ready\",\"v\":1,\"account\":\"" + ME + "\"}", ChatFrames.ready(ME));
  }

  @Test
  void theRestAnswerIsTheAckFrameWithoutTypeAndVersion() {
    Ack ack = new Ack(CONVERSATION, "c-1", 7, AT, true, List.of(ME, PEER));
    JsonObject frame = JsonP.readObject(ChatFrames.ack(ack));
    assertEquals(
        "{\"type\":\"ack\",\"v\":1,\"conversation\":\""
            + CONVERSATION
            + "\",\"clientId\":\"c-1\",\"seq\":7,\"at\":\"2026-12-04T20:29:28.123456Z\",\"duplicate\":true}",
        frame.toString());
    JsonObject body = ChatFrames.ackBody(ack);
    assertEquals(
        "{\"conversation\":\""
            + CONVERSATION
            + "\",\"clientId\":\"c-1\",\"seq\":7,\"at\":\"2026-12-04T20:29:28.123456Z\",\"duplicate\":true}",
        body.toString(),
        "the same fields, by the same code");
    assertFalse(body.containsKey("members"), "whom it goes to is the server's business");
  }

  @Test
  void aMessageCarriesTheFieldOfItsKindOnly() {
    UUID photo = UUID.randomUUID();
    JsonObject text =
        message(new ChatMessage(CONVERSATION, 1, ME, "m-1", "TEXT", "hi", null, null, AT));
    JsonObject e2e =
        message(new ChatMessage(CONVERSATION, 2, ME, "m-2", "E2E", null, "AAEC", null, AT));
    JsonObject picture =
        message(new ChatMessage(CONVERSATION, 3, PEER, "m-3", "PHOTO", null, null, photo, AT));
    assertEquals("hi", text.getString("text"));
    assertEquals(
        List.of("type", "v", "conversation", "seq", "sender", "clientId", "kind", "at", "text"),
        List.copyOf(text.keySet()));
    assertEquals("AAEC", e2e.getString("ciphertext"));
    assertFalse(e2e.containsKey("text"));
    assertEquals(photo.toString(), picture.getString("photo"));
    assertEquals("PHOTO", picture.getString("kind"));
    assertEquals(PEER.toString(), picture.getString("sender"));
    assertEquals(3, picture.getInt("seq"));
    assertEquals(AT.toString(), picture.getString("at"));
  }

  @Test
  void typingPresencePongAndSynced() {
    assertEquals(
        "{\"type\":\"typing\",\"v\":1,\"conversation\":\""
            + CONVERSATION
            + "\",\"from\":\""
            + PEER
            + "\"}",
        ChatFrames.typing(CONVERSATION, PEER));
    assertEquals(
        "{\"type\":\"presence\",\"v\":1,\"account\":\"" + PEER + "\",\"online\":false}",
        ChatFrames.presence(PEER, false));
    assertEquals("{\"type\":\"pong\",\"v\":1}", ChatFrames.pong());
    assertEquals("{\"type\":\"synced\",\"v\":1}", ChatFrames.synced(Optional.empty()));
    assertEquals(
        "{\"type\":\"synced\",\"v\":1,\"next\":\"3\"}", ChatFrames.synced(Optional.of("3")));
  }

  @Test
  void aReceiptSaysHowFarByTheKindAsked() {
    Receipt receipt = new Receipt(CONVERSATION, ME, PEER, 9, 4);
    JsonObject read = JsonP.readObject(ChatFrames.receipt(receipt, true));
    JsonObject delivered = JsonP.readObject(ChatFrames.receipt(receipt, false));
    assertEquals("read", read.getString("type"));
    assertEquals(4, read.getInt("upTo"));
    assertEquals(ME.toString(), read.getString("by"));
    assertEquals("delivered", delivered.getString("type"));
    assertEquals(9, delivered.getInt("upTo"));
    assertEquals(List.of("type", "v", "conversation", "by", "upTo"), List.copyOf(read.keySet()));
  }

  @Test
  void anErrorNamesItsFrameOnlyWhenThereIsOne() {
    assertEquals(
        "{\"type\":\"error\",\"v\":1,\"code\":\"unknown-type\",\"detail\":\"no\",\"ref\":\"c-1\"}",
        ChatFrames.error(ErrorCode.UNKNOWN_TYPE, "no", "c-1"));
    assertEquals(
        "{\"type\":\"error\",\"v\":1,\"code\":\"malformed\",\"detail\":\"no\"}",
        ChatFrames.error(ErrorCode.MALFORMED, "no", null));
  }

  @Test
  void refusalsBecomeTheirCodes() {
    JsonObject invalid =
        refusal(
            new InvalidInputException(
                List.of(new FieldViolation("text", "At most 4000."), new FieldViolation("x", "y"))),
            "c-1");
    assertEquals("invalid", invalid.getString("code"));
    assertEquals("text: At most 4000.", invalid.getString("detail"), "the first field named first");
    assertEquals("c-1", invalid.getString("ref"));

    JsonObject limited =
        refusal(new RateLimitedException("Slow down.", Duration.ofMillis(2_100)), null);
    assertEquals("rate-limited", limited.getString("code"));
    assertEquals(3, limited.getInt("retryAfter"), "whole seconds, rounded up");
    assertFalse(limited.containsKey("ref"), "no clientId, no ref (it was an empty string once)");

    assertEquals(
        "not-found", refusal(BusinessException.notFound("Conversation"), "x").getString("code"));
    assertEquals(
        "photo-not-ready",
        refusal(new BusinessException(ProblemType.PHOTO_NOT_READY, "later"), "x")
            .getString("code"));
    JsonObject unnamed = refusal(BusinessException.conflict("no such thing in chat"), "x");
    assertEquals("internal", unnamed.getString("code"), "a kind the protocol does not name");
    assertEquals("no such thing in chat", unnamed.getString("detail"));
  }

  @ParameterizedTest
  @EnumSource(ProblemType.class)
  void everyKindOfRefusalMapsToAPublishedCode(ProblemType type) {
    List<String> published = Arrays.stream(ErrorCode.values()).map(ErrorCode::code).toList();
    String code = refusal(new BusinessException(type, "d"), null).getString("code");
    assertTrue(published.contains(code), code);
  }

  @Test
  void theCodesAreThoseOfTheContract() {
    assertEquals(
        List.of(
            "malformed",
            "unknown-type",
            "too-large",
            "invalid",
            "not-found",
            "photo-not-ready",
            "rate-limited",
            "unauthenticated",
            "already-authenticated",
            "internal"),
        Arrays.stream(ErrorCode.values()).map(ErrorCode::code).toList());
  }

  private static JsonObject message(ChatMessage m) {
    return JsonP.readObject(ChatFrames.message(m));
  }

  private static JsonObject refusal(BusinessException e, String ref) {
    JsonObject frame = JsonP.readObject(ChatFrames.refusal(e, ref));
    assertEquals("error", frame.getString("type"));
    assertEquals(1, frame.getInt("v"));
    return frame;
  }
}
