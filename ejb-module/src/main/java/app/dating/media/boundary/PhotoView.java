package app.dating.media.boundary;

import app.dating.media.entity.Photo;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A photo as its owner sees it: where it is in the processing, and the sizes there are. */
public record PhotoView(UUID id, int position, String status, String reason, Integer width, Integer height, List<Integer> sizes, Instant createdAt) {

  static PhotoView of(Photo photo) {
    return new PhotoView(photo.id(), photo.position(), photo.status().name(), photo.reason(), photo.width(), photo.height(),
        photo.longSides(), photo.createdAt());
  }
}
