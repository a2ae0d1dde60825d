package app.dating.privacy.boundary;

import app.dating.privacy.entity.DataExport;
import java.time.Instant;
import java.util.UUID;

/**
 * A data export as its owner sees it: PENDING while it is built, READY to download (once, until
 * {@code expiresAt}), then DOWNLOADED or EXPIRED.
 */
public record DataExportView(
    UUID id,
    String status,
    Instant requestedAt,
    Instant readyAt,
    Instant expiresAt,
    Long sizeBytes) {

  static DataExportView of(DataExport export, Instant now) {
    String status =
        export.status() == DataExport.Status.READY && !now.isBefore(export.expiresAt())
            ? DataExport.Status.EXPIRED.name()
            : export.status().name();
    return new DataExportView(
        export.id(),
        status,
        export.requestedAt(),
        export.readyAt(),
        export.expiresAt(),
        export.sizeBytes());
  }
}
