package app.dating.chat.control;

import app.dating.media.entity.Photo;
import app.dating.shared.problem.BusinessException;
import app.dating.shared.problem.InvalidInputException;
import app.dating.shared.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.UUID;

/**
 * Which photo a PHOTO message may carry: a chat photo its sender uploaded for this very
 * conversation, once processed. Any other id (someone else's photo, a profile photo, another
 * conversation's, none at all) gets the same answer, so nothing about other photos leaks.
 */
@ApplicationScoped
public class PhotoAttachments {
  static final String NOT_YOURS = "Send a photo you uploaded for this conversation (POST /api/v1/conversations/{id}/photos).";

  @PersistenceContext EntityManager em;

  public void requireSendable(UUID sender, UUID conversationId, UUID photoId) {
    check(em.find(Photo.class, photoId), sender, conversationId);
  }

  static void check(Photo photo, UUID sender, UUID conversationId) {
    if (photo == null || !photo.accountId().equals(sender) || photo.conversationId().filter(conversationId::equals).isEmpty()) {
      throw InvalidInputException.of("photo", NOT_YOURS);
    }
    switch (photo.status()) {
      case PENDING -> throw new BusinessException(ProblemType.PHOTO_NOT_READY,
          "The photo is still being processed; send it once it is READY (GET /api/v1/conversations/{id}/photos/{photoId}).");
      case REJECTED -> throw InvalidInputException.of("photo", "This photo was refused: " + photo.reason());
      case READY -> { }
    }
  }
}
