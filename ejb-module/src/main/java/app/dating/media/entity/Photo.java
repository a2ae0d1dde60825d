package app.dating.media.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A photo: one of a person's profile photos, or a chat photo uploaded for one conversation (a
 * match), which is never on the profile. Its files are in the media store under its content hash:
 * the sizes, and the original only while it waits for its processing. The profile queries ({@link
 * #OF_ACCOUNT}, {@link #READY_IDS_OF_ACCOUNT}, {@link #READY_OF_ACCOUNTS}) see profile photos only.
 */
@Entity
@Table(name = "photo")
@NamedQuery(
    name = Photo.OF_ACCOUNT,
    query =
        "select p from Photo p where p.accountId = :account and p.conversationId is null order by p.position, p.createdAt")
@NamedQuery(
    name = Photo.READY_IDS_OF_ACCOUNT,
    query =
        "select p.id from Photo p where p.accountId = :account and p.conversationId is null"
            + " and p.status = app.dating.media.entity.Photo.Status.READY order by p.position, p.createdAt")
@NamedQuery(
    name = Photo.READY_OF_ACCOUNTS,
    query =
        "select p from Photo p where p.accountId in :accounts and p.conversationId is null"
            + " and p.status = app.dating.media.entity.Photo.Status.READY order by p.position, p.createdAt")
@NamedQuery(
    name = Photo.OF_CONVERSATION_BY,
    query =
        "select p from Photo p where p.conversationId = :conversation and p.accountId = :account order by p.createdAt")
@NamedQuery(
    name = Photo.ALL_OF_ACCOUNT,
    query = "select p from Photo p where p.accountId = :account")
@NamedQuery(
    name = Photo.COUNT_OF_HASH,
    query = "select count(p) from Photo p where p.contentHash = :hash")
@NamedQuery(
    name = Photo.COUNT_PENDING_OF_HASH,
    query =
        "select count(p) from Photo p where p.contentHash = :hash and p.id <> :self"
            + " and p.status = app.dating.media.entity.Photo.Status.PENDING")
@NamedQuery(
    name = Photo.PROCESSED_OF_HASH,
    query =
        "select p from Photo p where p.contentHash = :hash and p.status <> app.dating.media.entity.Photo.Status.PENDING"
            + " order by p.status")
@NamedQuery(
    name = Photo.OF_CONVERSATIONS,
    query = "select p from Photo p where p.conversationId in :conversations")
public class Photo {
  /** A person's profile photos, in order. */
  public static final String OF_ACCOUNT = "Photo.ofAccount";

  /** The chat photos a person uploaded for one conversation. */
  public static final String OF_CONVERSATION_BY = "Photo.ofConversationBy";

  /** Every photo of a person, profile and chat (erasure). */
  public static final String ALL_OF_ACCOUNT = "Photo.allOfAccount";

  /** The chat photos of some conversations (their retention ended). */
  public static final String OF_CONVERSATIONS = "Photo.ofConversations";

  public static final String READY_IDS_OF_ACCOUNT = "Photo.readyIdsOfAccount";
  public static final String READY_OF_ACCOUNTS = "Photo.readyOfAccounts";
  public static final String COUNT_OF_HASH = "Photo.countOfHash";

  /** How many photos other than :self wait for the processing of the same bytes. */
  public static final String COUNT_PENDING_OF_HASH = "Photo.countPendingOfHash";

  /** The photos of the same bytes whose processing ended, the READY ones first. */
  public static final String PROCESSED_OF_HASH = "Photo.processedOfHash";

  public static final int MAX_PER_ACCOUNT = 9;
  public static final int REASON_MAX = 200;

  /** Where a photo is in its processing. */
  public enum Status {
    PENDING,
    READY,
    REJECTED
  }

  @Id private UUID id;

  @Column(name = "account_id", nullable = false)
  private UUID accountId;

  /** The conversation (match) a chat photo was uploaded for; null for a profile photo. */
  @Column(name = "conversation_id")
  private UUID conversationId;

  @Column(nullable = false)
  private int position;

  @Column(nullable = false, length = 10)
  @Enumerated(EnumType.STRING)
  private Status status;

  @Column(length = REASON_MAX)
  private String reason;

  @Column(name = "content_hash", nullable = false, length = 64)
  private String contentHash;

  private Integer width;

  private Integer height;

  @Column(length = 40)
  private String sizes;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected Photo() {}

  public Photo(UUID accountId, String contentHash, int position, Instant now) {
    this.id = UUID.randomUUID();
    this.accountId = Objects.requireNonNull(accountId);
    this.contentHash = Objects.requireNonNull(contentHash);
    this.position = position;
    this.status = Status.PENDING;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** A chat photo: uploaded for one conversation, never on its owner's profile. */
  public static Photo forConversation(
      UUID accountId, UUID conversationId, String contentHash, Instant now) {
    Photo photo = new Photo(accountId, contentHash, 0, now);
    photo.conversationId = Objects.requireNonNull(conversationId);
    return photo;
  }

  /** The sizes were made: the photo can be shown. */
  public void ready(int width, int height, List<Integer> longSides, Instant now) {
    this.status = Status.READY;
    this.width = width;
    this.height = height;
    this.sizes = longSides.stream().map(String::valueOf).collect(Collectors.joining(","));
    this.reason = null;
    this.updatedAt = now;
  }

  /** The photo was refused for good (it cannot be read, or it breaks a limit). */
  public void reject(String why, Instant now) {
    this.status = Status.REJECTED;
    this.reason = why.length() > REASON_MAX ? why.substring(0, REASON_MAX) : why;
    this.updatedAt = now;
  }

  /**
   * Ends as {@code twin}, a photo of the same bytes whose processing ended: ready or rejected
   * alike.
   */
  public void processedAs(Photo twin, Instant now) {
    if (twin.status == Status.READY) {
      ready(twin.width, twin.height, twin.longSides(), now);
    } else {
      reject(twin.reason, now);
    }
  }

  public void moveTo(int newPosition, Instant now) {
    this.position = newPosition;
    this.updatedAt = now;
  }

  /** The long sides this photo has, largest first; empty until it is ready. */
  public List<Integer> longSides() {
    return sizes == null || sizes.isEmpty()
        ? List.of()
        : Arrays.stream(sizes.split(",")).map(Integer::valueOf).toList();
  }

  /** The stored size closest to {@code wanted} from above (or the largest there is). */
  public int sizeFor(int wanted) {
    List<Integer> sides = longSides();
    return sides.stream()
        .filter(s -> s >= wanted)
        .reduce((a, b) -> b)
        .orElse(sides.isEmpty() ? 0 : sides.get(0));
  }

  public UUID id() {
    return id;
  }

  public UUID accountId() {
    return accountId;
  }

  /** The conversation a chat photo belongs to; empty for a profile photo. */
  public Optional<UUID> conversationId() {
    return Optional.ofNullable(conversationId);
  }

  public boolean isChatPhoto() {
    return conversationId != null;
  }

  public int position() {
    return position;
  }

  public Status status() {
    return status;
  }

  public String reason() {
    return reason;
  }

  public String contentHash() {
    return contentHash;
  }

  public Integer width() {
    return width;
  }

  public Integer height() {
    return height;
  }

  public Instant createdAt() {
    return createdAt;
  }

  /**
   * The validator ({@code ETag}) of one size of this photo: its id and the size, which never change
   * together. Never anything of the content's hash: whoever holds a photo could tell it from that.
   */
  public String etag(int longSide) {
    return id + "-" + longSide;
  }

  /**
   * Where the files of a content hash live in the media store. The original (the upload as it came,
   * with its metadata) is there only until the photo is processed.
   */
  public static String originalKey(String hash) {
    return "originals/" + hash.substring(0, 2) + "/" + hash;
  }

  public static String variantKey(String hash, int longSide) {
    return "sizes/" + hash.substring(0, 2) + "/" + hash + "-" + longSide + ".jpg";
  }
}
