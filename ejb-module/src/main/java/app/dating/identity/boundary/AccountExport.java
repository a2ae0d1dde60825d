package app.dating.identity.boundary;

import app.dating.identity.entity.SessionSummary;
import java.time.Instant;
import java.util.List;

/** Everything the platform keeps about the account holder (identity part), for the data export. */
public record AccountExport(Instant exportedAt, AccountView account, List<SessionSummary> sessions, List<Event> securityEvents) {

  /** One audit event about the account. */
  public record Event(Instant at, String action, String outcome, String ip, String userAgent) {}
}
