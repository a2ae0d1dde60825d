package app.dating.identity.boundary;

import app.dating.identity.entity.SessionSummary;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Everything the platform keeps about the account holder (identity part), for the data export. */
public record AccountExport(
    Instant exportedAt,
    AccountView account,
    List<SessionSummary> sessions,
    List<Event> securityEvents) {

  /** One audit event about the account. */
  @Schema(name = "SecurityEvent")
  public record Event(Instant at, String action, String outcome, String ip, String userAgent) {}
}
