package app.dating.media.control;

import app.dating.jobs.control.JobHandler;
import app.dating.jobs.entity.JobType;
import app.dating.media.entity.Photo;
import app.dating.shared.json.JsonP;
import app.dating.shared.problem.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The background job that turns an upload into the sizes the apps show: upright, without any
 * metadata, progressive JPEG. A photo the processor refuses is REJECTED with the reason (final, no
 * retry); any other failure throws, so the job is retried and finally dead-lettered, which rejects
 * the photo too. Once the photo is READY or REJECTED its original (with its EXIF and GPS position)
 * is deleted: only the stripped sizes stay ({@link PhotoFiles#dropOriginalWhenCommitted}).
 */
@ApplicationScoped
public class PhotoProcessing implements JobHandler {
  private static final Logger LOG = Logger.getLogger(PhotoProcessing.class.getName());

  @PersistenceContext EntityManager em;
  @Inject PhotoProcessor processor;
  @Inject MediaStore store;
  @Inject PhotoFiles files;
  @Inject Clock clock;

  static final String NOT_PROCESSED = "This photo could not be processed; please upload it again.";

  /** A 12-megapixel photo needs about 70 MiB of heap while it is processed: so few at a time. */
  private final Semaphore permits;

  @Inject
  PhotoProcessing(@ConfigProperty(name = "media.max-concurrent") Optional<Integer> maxConcurrent) {
    this.permits = new Semaphore(maxConcurrent.orElse(Runtime.getRuntime().availableProcessors()));
  }

  protected PhotoProcessing() {
    this.permits = null;
  }

  public static String payload(UUID photoId) {
    return JsonP.object().add("photoId", photoId.toString()).build().toString();
  }

  @Override
  public JobType type() {
    return JobType.PHOTO_PROCESSING;
  }

  @Override
  public void handle(String payload) {
    UUID photoId = UUID.fromString(JsonP.readObject(payload).getString("photoId"));
    Photo photo = em.find(Photo.class, photoId);
    if (photo == null || photo.status() != Photo.Status.PENDING) {
      return;
    }
    Optional<byte[]> original = store.get(Photo.originalKey(photo.contentHash()));
    if (original.isEmpty()) {
      // The same bytes were uploaded twice at once and processed for the other photo, which
      // dropped the original: its outcome (and its sizes) are this photo's too.
      Photo twin =
          em.createNamedQuery(Photo.PROCESSED_OF_HASH, Photo.class)
              .setParameter("hash", photo.contentHash())
              .getResultStream()
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "the original of photo " + photoId + " is missing"));
      photo.processedAs(twin, clock.instant());
      return;
    }
    permits.acquireUninterruptibly();
    try {
      ProcessedPhoto processed = processor.process(original.get());
      for (ProcessedPhoto.Variant variant : processed.variants()) {
        store.put(Photo.variantKey(photo.contentHash(), variant.longSide()), variant.jpeg());
      }
      photo.ready(
          processed.width(),
          processed.height(),
          processed.variants().stream().map(ProcessedPhoto.Variant::longSide).toList(),
          clock.instant());
    } catch (InvalidInputException e) {
      String reason = e.violations().isEmpty() ? e.getMessage() : e.violations().get(0).message();
      LOG.info(() -> "Photo " + photoId + " rejected: " + reason);
      photo.reject(reason, clock.instant());
    } finally {
      permits.release();
    }
    files.dropOriginalWhenCommitted(photo);
  }

  /** Every attempt failed: the photo is rejected (it would wait for ever) and its original goes. */
  @Override
  public void deadLettered(String payload) {
    UUID photoId = UUID.fromString(JsonP.readObject(payload).getString("photoId"));
    Photo photo = em.find(Photo.class, photoId);
    if (photo == null || photo.status() != Photo.Status.PENDING) {
      return;
    }
    photo.reject(NOT_PROCESSED, clock.instant());
    files.dropOriginalWhenCommitted(photo);
  }
}
