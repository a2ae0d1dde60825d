package app.dating.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Audit rows (with addresses and user agents) are kept for the retention period (a year by default)
 * and deleted after it by the retention job; the table refuses every other change.
 */
class AuditRetentionIT {

  private static long rows(String marker) throws Exception {
    try (Connection db = Database.connect()) {
      return Long.parseLong(
          Database.string(db, "select count(*) from audit_event where detail = ?", marker));
    }
  }

  @Test
  void rowsPastTheRetentionAreDeletedAndOnlyThose() throws Exception {
    String marker = "audit-retention-it " + UUID.randomUUID();
    try (Connection db = Database.connect();
        Statement sql = db.createStatement()) {
      sql.executeUpdate(
          "insert into audit_event (at, action, outcome, ip, user_agent, detail) values"
              + " (now() - interval '400 days', 'LOGIN', 'SUCCESS', '203.0.113.9', 'old', '"
              + marker
              + "'),"
              + " (now() - interval '100 days', 'LOGIN', 'SUCCESS', '203.0.113.9', 'kept', '"
              + marker
              + "')");
      SQLException refused =
          assertThrows(
              SQLException.class,
              () -> sql.executeUpdate("delete from audit_event where detail = '" + marker + "'"));
      assertTrue(refused.getMessage().contains("append-only"), refused::getMessage);
      assertThrows(
          SQLException.class,
          () -> sql.executeQuery("select purge_audit_events(now() - interval '10 days')"),
          "nobody purges what is younger than 90 days");
    }
    Instant deadline = Instant.now().plusSeconds(30);
    while (rows(marker) == 2 && Instant.now().isBefore(deadline)) {
      Thread.sleep(250);
    }
    assertEquals(1, rows(marker), "the row past the year is gone, the younger one stays");
  }
}
