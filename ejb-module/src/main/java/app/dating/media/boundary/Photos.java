package app.dating.media.boundary;

import app.dating.jobs.boundary.Jobs;
import app.dating.jobs.entity.JobType;
import app.dating.media.control.MediaStore;
import app.dating.media.control.PhotoErasure;
import app.dating.media.control.PhotoFiles;
import app.dating.media.control.PhotoProcessing;
import app.dating.media.control.PhotoProcessor;
import app.dating.media.entity.Photo;
import app.dating.ratelimit.boundary.RateLimit;
import app.dating.ratelimit.boundary.RateLimiter;
import app.dating.shared.problem.BusinessException;
import app.dating.shared.problem.InvalidInputException;
import app.dating.visibility.boundary.Visibility;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A person's photos: upload (checked at once, processed in the background), reorder (the first is
 * the primary), delete; and the sizes others may fetch under the profile's visibility rules. Chat
 * photos go through the same pipeline but belong to one conversation: never on the profile, not
 * among its 9, fetched only by the conversation's two members while their match is active.
 * Originals are kept only until the photo is processed (never served): the sizes, without any
 * metadata, are all that stays.
 */
@Stateless
public class Photos {
  static final RateLimit UPLOADS_PER_ACCOUNT =
      new RateLimit("photo-upload", 30, Duration.ofHours(1));

  /**
   * Others' profile photos, per viewer: as many as profile views (a scraper wants the photos);
   * one's own and the chat photos of one's conversations are not counted.
   */
  static final RateLimit PROFILE_PHOTO_VIEWS =
      new RateLimit("photo-view", 600, Duration.ofHours(1));

  @PersistenceContext EntityManager em;

  @Inject PhotoProcessor processor;

  @Inject MediaStore store;

  @Inject PhotoFiles files;

  @Inject PhotoErasure erasure;

  @Inject Jobs jobs;

  @Inject Visibility visibility;

  @Inject RateLimiter limiter;

  @Inject Clock clock;

  /** One size of a photo, ready to serve. */
  public record Served(byte[] jpeg, String etag) {}

  /**
   * Takes an upload: refused at once when it is not a photo or breaks a limit; otherwise stored and
   * queued for processing (PENDING). The same bytes uploaded again give the same photo.
   */
  public PhotoView upload(UUID ownerId, byte[] bytes) {
    limiter.consume(UPLOADS_PER_ACCOUNT, ownerId.toString());
    processor.inspect(bytes);
    String hash = PhotoProcessor.sha256(bytes);
    List<Photo> mine = photos(ownerId);
    Optional<Photo> same =
        mine.stream()
            .filter(p -> p.contentHash().equals(hash) && p.status() != Photo.Status.REJECTED)
            .findFirst();
    if (same.isPresent()) {
      return PhotoView.of(same.get());
    }
    List<Photo> kept = mine.stream().filter(p -> p.status() != Photo.Status.REJECTED).toList();
    if (kept.size() >= Photo.MAX_PER_ACCOUNT) {
      throw BusinessException.conflict(
          "You have "
              + Photo.MAX_PER_ACCOUNT
              + " photos, the most there can be; delete one first.");
    }
    store.put(Photo.originalKey(hash), bytes);
    Photo photo = new Photo(ownerId, hash, kept.size(), clock.instant());
    em.persist(photo);
    jobs.submit(JobType.PHOTO_PROCESSING, PhotoProcessing.payload(photo.id()));
    return PhotoView.of(photo);
  }

  /**
   * Takes a photo for a conversation (the id of an active match of {@code ownerId}): the same
   * checks, hourly limit and processing as a profile photo, but it never counts among the profile's
   * photos. The same bytes again for the same conversation give the same photo.
   */
  public ChatPhotoView uploadForConversation(UUID ownerId, UUID conversationId, byte[] bytes) {
    openConversation(ownerId, conversationId);
    limiter.consume(UPLOADS_PER_ACCOUNT, ownerId.toString());
    processor.inspect(bytes);
    String hash = PhotoProcessor.sha256(bytes);
    Optional<Photo> same =
        em.createNamedQuery(Photo.OF_CONVERSATION_BY, Photo.class)
            .setParameter("conversation", conversationId)
            .setParameter("account", ownerId)
            .getResultStream()
            .filter(p -> p.contentHash().equals(hash) && p.status() != Photo.Status.REJECTED)
            .findFirst();
    if (same.isPresent()) {
      return ChatPhotoView.of(same.get());
    }
    store.put(Photo.originalKey(hash), bytes);
    Photo photo = Photo.forConversation(ownerId, conversationId, hash, clock.instant());
    em.persist(photo);
    jobs.submit(JobType.PHOTO_PROCESSING, PhotoProcessing.payload(photo.id()));
    return ChatPhotoView.of(photo);
  }

  /** A chat photo its uploader sent or will send: where it is in the processing. */
  public ChatPhotoView conversationPhoto(UUID ownerId, UUID conversationId, UUID photoId) {
    openConversation(ownerId, conversationId);
    return Optional.ofNullable(em.find(Photo.class, photoId))
        .filter(
            p ->
                p.accountId().equals(ownerId)
                    && p.conversationId().filter(conversationId::equals).isPresent())
        .map(ChatPhotoView::of)
        .orElseThrow(() -> BusinessException.notFound("Photo"));
  }

  public List<PhotoView> mine(UUID ownerId) {
    return photos(ownerId).stream().map(PhotoView::of).toList();
  }

  public PhotoView get(UUID ownerId, UUID photoId) {
    return PhotoView.of(owned(ownerId, photoId));
  }

  /**
   * Puts the owner's photos in this order; the first becomes the primary. It must name each kept
   * photo once.
   */
  public List<PhotoView> reorder(UUID ownerId, List<UUID> order) {
    List<Photo> kept =
        photos(ownerId).stream().filter(p -> p.status() != Photo.Status.REJECTED).toList();
    List<UUID> ids = kept.stream().map(Photo::id).toList();
    if (order.size() != ids.size() || !new HashSet<>(order).equals(new HashSet<>(ids))) {
      throw InvalidInputException.of("order", "Name each of your photos exactly once.");
    }
    Instant now = clock.instant();
    for (Photo photo : kept) {
      photo.moveTo(order.indexOf(photo.id()), now);
    }
    return mine(ownerId);
  }

  /** Deletes a photo; its files go when no photo uses the same bytes any more. */
  public void delete(UUID ownerId, UUID photoId) {
    Photo photo = owned(ownerId, photoId);
    em.remove(photo);
    em.flush();
    List<Photo> rest =
        new ArrayList<>(
            photos(ownerId).stream().filter(p -> p.status() != Photo.Status.REJECTED).toList());
    Instant now = clock.instant();
    for (int i = 0; i < rest.size(); i++) {
      rest.get(i).moveTo(i, now);
    }
    files.releaseIfUnused(photo);
  }

  /**
   * A size of a ready photo: a profile photo for whoever may see its owner's profile (rate limited
   * like profile views when it is someone else's; a viewer who may not look at others is told to
   * verify their address), a chat photo for the two members of its conversation while their match
   * is active; not found otherwise (existence does not leak).
   */
  public Served size(UUID viewerId, UUID photoId, int wanted) {
    Photo photo =
        Optional.ofNullable(em.find(Photo.class, photoId))
            .filter(p -> p.status() == Photo.Status.READY)
            .orElseThrow(() -> BusinessException.notFound("Photo"));
    if (photo.isChatPhoto()) {
      if (!visibility.inOpenConversation(photo.conversationId().orElseThrow(), viewerId)) {
        throw BusinessException.notFound("Photo");
      }
    } else if (!photo.accountId().equals(viewerId)) {
      limiter.consume(PROFILE_PHOTO_VIEWS, viewerId.toString());
      visibility.requireSees(viewerId, photo.accountId(), "Photo");
    }
    int side = photo.sizeFor(wanted);
    byte[] jpeg =
        store
            .get(Photo.variantKey(photo.contentHash(), side))
            .orElseThrow(() -> BusinessException.notFound("Photo"));
    return new Served(jpeg, photo.etag(side));
  }

  private void openConversation(UUID person, UUID conversationId) {
    if (conversationId == null || !visibility.inOpenConversation(conversationId, person)) {
      throw BusinessException.notFound("Conversation");
    }
  }

  /** One of the owner's profile photos (chat photos are not managed through the profile). */
  private Photo owned(UUID ownerId, UUID photoId) {
    return Optional.ofNullable(em.find(Photo.class, photoId))
        .filter(p -> p.accountId().equals(ownerId) && !p.isChatPhoto())
        .orElseThrow(() -> BusinessException.notFound("Photo"));
  }

  private List<Photo> photos(UUID ownerId) {
    return em.createNamedQuery(Photo.OF_ACCOUNT, Photo.class)
        .setParameter("account", ownerId)
        .getResultList();
  }

  /**
   * Erases the photos sent in these conversations (their messages are gone): rows, and unshared
   * files.
   */
  public void eraseOfConversations(java.util.Collection<UUID> conversations) {
    erasure.eraseOfConversations(conversations);
  }
}
