package app.dating.media.boundary;

import app.dating.media.entity.Photo;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A chat photo as its uploader sees it: the conversation it belongs to, where it is in the
 * processing (a PHOTO message may carry it once READY), and the sizes there are.
 */
public record ChatPhotoView(UUID id, UUID conversation, String status, String reason, Integer width, Integer height, List<Integer> sizes,
    Instant createdAt) {

  static ChatPhotoView of(Photo photo) {
    return new ChatPhotoView(photo.id(), photo.conversationId().orElseThrow(), photo.status().name(), photo.reason(), photo.width(),
        photo.height(), photo.longSides(), photo.createdAt());
  }
}
