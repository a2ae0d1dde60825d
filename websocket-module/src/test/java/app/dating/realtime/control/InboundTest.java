package app.dating.realtime.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.dating.chat.boundary.ChatFrames.ErrorCode;
import app.dating.shared.problem.InvalidInputException;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a client sends, read: size, shape, and each field refused by name when it is wrong. */
class InboundTest {
  private static final UUID CONVERSATION = UUID.randomUUID();

  @Test
  void aFrameIsAnObjectWithAType() {
    Inbound frame =
        Inbound.read(
            "{\"type\":\"send\",\"conversation\":\""
                + CONVERSATION
                + "\",\"clientId\":\"c-1\",\"text\":\"hi\"}");
    assertEquals("send", frame.type());
    assertEquals("c-1", frame.clientId());
    assertEquals(CONVERSATION, frame.uuid("conversation"));
    assertEquals("hi", frame.given("text"));
    assertNull(frame.given("photo"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "not json",
        "{\"type\":",
        "",
        "[1,2]",
        "\"send\"",
        "42",
        "{}",
        "{\"text\":\"hi\"}"
      })
  void anythingElseIsMalformed(String text) {
    assertEquals(ErrorCode.MALFORMED, unreadable(text).code());
  }

  @Test
  void aTypeThatIsNoTextIsAnUnknownEmptyType() {
    assertEquals("", Inbound.read("{\"type\":7}").type());
  }

  @Test
  void framesAreLimitedTo64KiBOfUtf8() {
    String pad = "{\"type\":\"ping\",\"pad\":\"\"}";
    assertEquals(
        "ping",
        Inbound.read(withBytes(pad, Inbound.MAX_BYTES, "x")).type(),
        "exactly 64 KiB is fine");
    assertEquals(
        ErrorCode.TOO_LARGE, unreadable(withBytes(pad, Inbound.MAX_BYTES + 1, "x")).code());
    // Fewer characters than bytes: three bytes each, 22,000 characters are 66,000 bytes.
    String euros = "{\"type\":\"ping\",\"pad\":\"" + "€".repeat(22_000) + "\"}";
    assertEquals(ErrorCode.TOO_LARGE, unreadable(euros).code());
    Inbound.Unreadable tooLarge = unreadable(euros);
    assertEquals("Frames may hold at most 65536 bytes.", tooLarge.getMessage());
  }

  /**
   * The frame with its "pad" string filled with {@code filler} up to {@code bytes} bytes in all.
   */
  private static String withBytes(String frame, int bytes, String filler) {
    int at = frame.indexOf("\"\"}") + 1;
    return frame.substring(0, at) + filler.repeat(bytes - frame.length()) + frame.substring(at);
  }

  @Test
  void aClientIdAndATokenAreTextOrNothing() {
    assertNull(Inbound.read("{\"type\":\"send\",\"clientId\":5}").clientId());
    assertNull(Inbound.read("{\"type\":\"auth\"}").token());
    assertNull(Inbound.read("{\"type\":\"auth\",\"token\":null}").token());
    assertEquals("t", Inbound.read("{\"type\":\"auth\",\"token\":\"t\"}").token());
  }

  @Test
  void aContentFieldThatIsThereButNoTextCountsAsGivenAndEmpty() {
    Inbound frame = Inbound.read("{\"type\":\"send\",\"text\":5,\"photo\":null}");
    assertEquals("", frame.given("text"));
    assertEquals("", frame.given("photo"));
    assertNull(frame.given("ciphertext"));
  }

  @Test
  void idsAndReceiptNumbersAreRefusedByName() {
    assertEquals(
        "conversation", field(() -> Inbound.read("{\"type\":\"typing\"}").uuid("conversation")));
    assertEquals(
        "conversation",
        field(
            () ->
                Inbound.read("{\"type\":\"typing\",\"conversation\":\"nope\"}")
                    .uuid("conversation")));
    assertEquals(
        "conversation",
        field(() -> Inbound.read("{\"type\":\"typing\",\"conversation\":1}").uuid("conversation")));
    assertEquals("upTo", field(() -> Inbound.read("{\"type\":\"read\",\"upTo\":\"3\"}").upTo()));
    assertEquals("upTo", field(() -> Inbound.read("{\"type\":\"read\"}").upTo()));
    assertEquals(3, Inbound.read("{\"type\":\"read\",\"upTo\":3}").upTo());
  }

  @Test
  void aSyncSaysWhatTheClientHasPerConversation() {
    UUID other = UUID.randomUUID();
    UUID third = UUID.randomUUID();
    Inbound sync =
        Inbound.read(
            "{\"type\":\"sync\",\"conversations\":{\""
                + CONVERSATION
                + "\":12,\""
                + other
                + "\":-4,\""
                + third
                + "\":\"7\"}}");
    assertEquals(OptionalLong.of(12), sync.has(CONVERSATION));
    assertEquals(OptionalLong.of(0), sync.has(other), "never below 0");
    assertEquals(OptionalLong.empty(), sync.has(third), "not a number: as if left out");
    assertEquals(OptionalLong.empty(), sync.has(UUID.randomUUID()));
    assertEquals(OptionalLong.empty(), Inbound.read("{\"type\":\"sync\"}").has(CONVERSATION));
    assertEquals(
        OptionalLong.empty(),
        Inbound.read("{\"type\":\"sync\",\"conversations\":[1]}").has(CONVERSATION));
  }

  private static Inbound.Unreadable unreadable(String text) {
    return assertThrows(Inbound.Unreadable.class, () -> Inbound.read(text));
  }

  private static String field(Executable refused) {
    return assertThrows(InvalidInputException.class, refused).violations().get(0).field();
  }
}
