package app.dating.media.control;

import app.dating.identity.boundary.PersonalDataExport;
import app.dating.media.entity.Photo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * The photo part of a data export: every photo the person uploaded (profile and chat), and the
 * largest size of each processed one as a file ({@code photos/<id>.jpg}, without metadata, as it is
 * served).
 */
@ApplicationScoped
public class PhotoExport {
  @PersistenceContext EntityManager em;
  @Inject MediaStore store;

  /**
   * One uploaded photo. {@code file} is its path in the archive, when there is a processed size.
   */
  public record ExportedPhoto(
      UUID id,
      UUID conversation,
      int position,
      String status,
      String reason,
      Instant uploadedAt,
      String file) {}

  void export(@Observes PersonalDataExport export) {
    List<Photo> photos =
        em.createNamedQuery(Photo.ALL_OF_ACCOUNT, Photo.class)
            .setParameter("account", export.accountId())
            .getResultList();
    List<ExportedPhoto> listed =
        photos.stream()
            .map(
                photo -> {
                  String file = null;
                  if (photo.status() == Photo.Status.READY && !photo.longSides().isEmpty()) {
                    int largest = Collections.max(photo.longSides());
                    file = "photos/" + photo.id() + ".jpg";
                    String path = file;
                    store
                        .get(Photo.variantKey(photo.contentHash(), largest))
                        .ifPresent(bytes -> export.file(path, bytes));
                  }
                  return new ExportedPhoto(
                      photo.id(),
                      photo.conversationId().orElse(null),
                      photo.position(),
                      photo.status().name(),
                      photo.reason(),
                      photo.createdAt(),
                      file);
                })
            .toList();
    export.section("photos", listed);
  }
}
