package app.dating.chat.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.dating.media.entity.Photo;
import app.dating.shared.problem.BusinessException;
import app.dating.shared.problem.InvalidInputException;
import app.dating.shared.problem.ProblemType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which photo a PHOTO message may carry. */
class PhotoAttachmentsTest {
  private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
  private static final String HASH = "a".repeat(64);

  private final UUID sender = UUID.randomUUID();
  private final UUID conversation = UUID.randomUUID();

  private Photo ready(Photo photo) {
    photo.ready(1080, 720, List.of(1080, 640, 320), NOW);
    return photo;
  }

  @Test
  void aProcessedPhotoOfTheSenderForThisConversationGoes() {
    assertDoesNotThrow(() -> PhotoAttachments.check(ready(Photo.forConversation(sender, conversation, HASH, NOW)), sender, conversation));
  }

  @Test
  void anyOtherPhotoGetsOneAnswerThatLeaksNothing() {
    List<Photo> others = List.of(
        ready(Photo.forConversation(UUID.randomUUID(), conversation, HASH, NOW)),
        ready(Photo.forConversation(sender, UUID.randomUUID(), HASH, NOW)),
        ready(new Photo(sender, HASH, 0, NOW)));
    for (Photo other : others) {
      InvalidInputException refused = assertThrows(InvalidInputException.class, () -> PhotoAttachments.check(other, sender, conversation));
      assertEquals("photo", refused.violations().get(0).field());
      assertEquals(PhotoAttachments.NOT_YOURS, refused.violations().get(0).message());
    }
    InvalidInputException none = assertThrows(InvalidInputException.class, () -> PhotoAttachments.check(null, sender, conversation));
    assertEquals(PhotoAttachments.NOT_YOURS, none.violations().get(0).message());
  }

  @Test
  void aPhotoStillProcessingIsNotReadyAndARefusedOneSaysWhy() {
    BusinessException pending = assertThrows(BusinessException.class,
        () -> PhotoAttachments.check(Photo.forConversation(sender, conversation, HASH, NOW), sender, conversation));
    assertEquals(ProblemType.PHOTO_NOT_READY, pending.type());

    Photo rejected = Photo.forConversation(sender, conversation, HASH, NOW);
    rejected.reject("This photo cannot be read.", NOW);
    InvalidInputException refused = assertThrows(InvalidInputException.class, () -> PhotoAttachments.check(rejected, sender, conversation));
    assertEquals("This photo was refused: This photo cannot be read.", refused.violations().get(0).message());
  }
}
