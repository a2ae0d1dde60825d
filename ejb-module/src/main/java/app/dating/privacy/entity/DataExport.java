package app.dating.privacy.entity;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One data export of an account: requested, built by a job (READY, with the archive), downloaded
 * once (the archive is then dropped), or expired unread. The archive is kept only while READY.
 */
@Entity
@Table(name = "data_export")
@NamedQuery(
    name = DataExport.OPEN_OF_ACCOUNT,
    query =
        "select e from DataExport e where e.accountId = :account and e.status in ("
            + "app.dating.privacy.entity.DataExport.Status.PENDING, app.dating.privacy.entity.DataExport.Status.READY)"
            + " order by e.requestedAt desc")
@NamedQuery(
    name = DataExport.EXPIRE_DUE,
    query =
        "update DataExport e set e.status = app.dating.privacy.entity.DataExport.Status.EXPIRED,"
            + " e.archive = null where e.status = app.dating.privacy.entity.DataExport.Status.READY and e.expiresAt < :now")
@NamedQuery(
    name = DataExport.DELETE_OF_ACCOUNT,
    query = "delete from DataExport e where e.accountId = :account")
public class DataExport {
  public static final String OPEN_OF_ACCOUNT = "DataExport.openOfAccount";
  public static final String EXPIRE_DUE = "DataExport.expireDue";
  public static final String DELETE_OF_ACCOUNT = "DataExport.deleteOfAccount";

  /** Where an export is. */
  public enum Status {
    PENDING,
    READY,
    DOWNLOADED,
    EXPIRED
  }

  @Id private UUID id;

  @Column(name = "account_id", nullable = false)
  private UUID accountId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 12)
  private Status status;

  @Column(name = "requested_at", nullable = false)
  private Instant requestedAt;

  @Column(name = "ready_at")
  private Instant readyAt;

  @Column(name = "expires_at")
  private Instant expiresAt;

  @Column(name = "downloaded_at")
  private Instant downloadedAt;

  @Column(name = "size_bytes")
  private Long sizeBytes;

  @Basic(fetch = FetchType.LAZY)
  private byte[] archive;

  protected DataExport() {}

  public DataExport(UUID accountId, Instant now) {
    this.id = UUID.randomUUID();
    this.accountId = accountId;
    this.status = Status.PENDING;
    this.requestedAt = now;
  }

  /** The archive is built: downloadable until {@code now + lifetime}. */
  public void ready(byte[] archive, Instant now, Duration lifetime) {
    if (status != Status.PENDING) {
      throw new IllegalStateException("export " + id + " is " + status + ", not PENDING");
    }
    this.archive = archive;
    this.sizeBytes = (long) archive.length;
    this.readyAt = now;
    this.expiresAt = now.plus(lifetime);
    this.status = Status.READY;
  }

  /** Hands the archive out, once: it is dropped from the database in the same transaction. */
  public byte[] download(Instant now) {
    if (!isDownloadable(now)) {
      throw new IllegalStateException("export " + id + " is not downloadable");
    }
    byte[] bytes = archive;
    this.archive = null;
    this.downloadedAt = now;
    this.status = Status.DOWNLOADED;
    return bytes;
  }

  public boolean isDownloadable(Instant now) {
    return status == Status.READY && archive != null && now.isBefore(expiresAt);
  }

  public UUID id() {
    return id;
  }

  public UUID accountId() {
    return accountId;
  }

  public Status status() {
    return status;
  }

  public Instant requestedAt() {
    return requestedAt;
  }

  public Instant readyAt() {
    return readyAt;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public Long sizeBytes() {
    return sizeBytes;
  }
}
