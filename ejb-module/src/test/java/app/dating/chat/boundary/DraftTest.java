package app.dating.chat.boundary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.dating.chat.entity.Message;
import app.dating.shared.problem.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a client sends becomes a checked draft, or a refusal naming the field (a 400 or an error frame). */
class DraftTest {
  private static final UUID ME = UUID.randomUUID();
  private static final UUID CONVERSATION = UUID.randomUUID();

  @Test
  void theFieldsGivenSayTheKindAndAPhotoComesAlone() {
    assertEquals(new Draft.Content(Message.Kind.TEXT, "hi"), Draft.Content.of("hi", null, null));
    assertEquals(new Draft.Content(Message.Kind.E2E, "AAEC"), Draft.Content.of(null, "AAEC", null));
    String photo = UUID.randomUUID().toString();
    assertEquals(new Draft.Content(Message.Kind.PHOTO, photo), Draft.Content.of(null, null, photo));
    assertEquals("photo", field(() -> Draft.Content.of("caption", null, photo)));
    assertEquals("photo", field(() -> Draft.Content.of(null, "AAEC", photo)));
  }

  @Test
  void contentIsCheckedPerKind() {
    assertArrayEquals("hi".getBytes(StandardCharsets.UTF_8), draft(Message.Kind.TEXT, "hi").plain());
    assertArrayEquals(new byte[] {0, 1, 2}, draft(Message.Kind.E2E, "AAEC").plain());
    assertEquals("text", field(() -> draft(Message.Kind.TEXT, " ")));
    assertEquals("text", field(() -> draft(Message.Kind.TEXT, "x".repeat(Draft.TEXT_MAX + 1))));
    assertEquals("ciphertext", field(() -> draft(Message.Kind.E2E, "not base64!")));
    assertEquals("photo", field(() -> draft(Message.Kind.PHOTO, "not-an-id")));
    assertEquals("clientId", field(() -> Draft.of(ME, CONVERSATION, "has space", Message.Kind.TEXT, "hi")));
    assertEquals("clientId", field(() -> Draft.of(ME, CONVERSATION, null, Message.Kind.TEXT, "hi")));
  }

  private static Draft draft(Message.Kind kind, String content) {
    return Draft.of(ME, CONVERSATION, "c-1", kind, content);
  }

  private static String field(Runnable refused) {
    return assertThrows(InvalidInputException.class, refused::run).violations().get(0).field();
  }
}
