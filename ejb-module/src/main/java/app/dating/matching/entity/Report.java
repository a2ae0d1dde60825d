package app.dating.matching.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A report for the moderators: who, about whom, why, and what exactly (the content's reference).
 */
@Entity
@Table(name = "report")
public class Report {
  public static final int COMMENT_MAX = 1000;
  public static final int CONTENT_REF_MAX = 100;

  /** What a report may point at: a profile, photo, match or message, by id. */
  public static final String CONTENT_REF = "(profile|photo|match|message):[0-9a-f-]{36}";

  /** Why something was reported. */
  @Schema(name = "ReportReason")
  public enum Reason {
    FAKE_PROFILE,
    INAPPROPRIATE_PHOTOS,
    HARASSMENT,
    SPAM,
    SCAM,
    UNDERAGE,
    OFFENSIVE,
    OTHER
  }

  @Id private UUID id;

  @Column(name = "reporter_id", nullable = false)
  private UUID reporterId;

  @Column(name = "reported_id", nullable = false)
  private UUID reportedId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 24)
  private Reason reason;

  @Column(length = COMMENT_MAX)
  private String comment;

  @Column(name = "content_ref", nullable = false, length = CONTENT_REF_MAX)
  private String contentRef;

  @Column(nullable = false, length = 12)
  private String status;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Report() {}

  public Report(
      UUID reporterId,
      UUID reportedId,
      Reason reason,
      String comment,
      String contentRef,
      Instant now) {
    this.id = UUID.randomUUID();
    this.reporterId = reporterId;
    this.reportedId = reportedId;
    this.reason = reason;
    this.comment = comment;
    this.contentRef = contentRef;
    this.status = "OPEN";
    this.createdAt = now;
  }

  public UUID id() {
    return id;
  }
}
