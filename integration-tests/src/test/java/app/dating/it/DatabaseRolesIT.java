package app.dating.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The server works with the database as an application role that may read and write rows and
 * nothing else: it cannot change the schema, and it can only append to the audit log. The schema
 * belongs to an owner role, which runs the migrations.
 */
class DatabaseRolesIT {
  /**
   * PostgreSQL's "insufficient privilege": refused by a grant, not by a trigger or a constraint.
   */
  private static final String INSUFFICIENT_PRIVILEGE = "42501";

  private static String appRole() throws Exception {
    return Database.state("DB_USER", "dating_app");
  }

  private static String ownerRole() throws Exception {
    return Database.state("DB_OWNER_USER", "dating_owner");
  }

  private static Connection asApplication() throws Exception {
    Connection db =
        Database.connect(appRole(), System.getenv().getOrDefault("DB_PASSWORD", "unused"));
    try (Statement sql = db.createStatement();
        var who = sql.executeQuery("select current_user")) {
      who.next();
      assertEquals(appRole(), who.getString(1), "connected as (a user in DB_URL would win)");
    }
    return db;
  }

  @Test
  void theServersPoolConnectsAsTheApplicationRole() throws Exception {
    try (Connection db = Database.connect()) {
      List<String> users =
          Database.strings(
              db,
              "select distinct usename::text from pg_stat_activity"
                  + " where datname = current_database() and application_name = ?",
              "dating-platform");
      assertEquals(List.of(appRole()), users, "the roles of the server's pool connections");
      assertEquals(
          "false",
          Database.string(db, "select rolsuper::text from pg_roles where rolname = ?", appRole()));
    }
  }

  @Test
  void theSchemaBelongsToTheOwnerRole() throws Exception {
    try (Connection db = Database.connect()) {
      Map<String, String> owners = new TreeMap<>();
      for (String row :
          Database.strings(
              db,
              "select c.relname || '=' || pg_get_userbyid(c.relowner) from pg_class c"
                  + " join pg_namespace n on n.oid = c.relnamespace"
                  + " where n.nspname = ? and c.relkind in ('r', 'p', 'S', 'v', 'm')"
                  + " and not exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype = 'e')",
              "public")) {
        owners.put(row.substring(0, row.indexOf('=')), row.substring(row.indexOf('=') + 1));
      }
      assertTrue(owners.containsKey("audit_event"), owners::toString);
      owners.values().removeIf(ownerRole()::equals);
      assertEquals(Map.of(), owners, "tables, sequences and views not owned by " + ownerRole());
    }
  }

  @Test
  void theApplicationRoleCannotChangeTheSchema() throws Exception {
    try (Connection db = asApplication();
        Statement sql = db.createStatement()) {
      for (String ddl :
          List.of(
              "drop table audit_event",
              "alter table account add column it_extra integer",
              "alter table audit_event disable trigger audit_event_append_only",
              "create table it_scratch (id integer)",
              "create index it_scratch_idx on account (display_name)")) {
        SQLException refused = assertThrows(SQLException.class, () -> sql.execute(ddl), ddl);
        assertEquals(INSUFFICIENT_PRIVILEGE, refused.getSQLState(), () -> ddl + ": " + refused);
      }
    }
  }

  @Test
  void theApplicationRoleOnlyAppendsToTheAuditLog() throws Exception {
    try (Connection db = asApplication();
        Statement sql = db.createStatement()) {
      db.setAutoCommit(false);
      assertEquals(
          1,
          sql.executeUpdate(
              "insert into audit_event (at, action, outcome, detail)"
                  + " values (now(), 'IT_PROBE', 'SUCCESS', 'DatabaseRolesIT')"));
      assertTrue(sql.executeQuery("select 1 from audit_event limit 1").next());
      db.rollback();
      for (String change :
          List.of(
              "update audit_event set detail = 'rewritten'",
              "delete from audit_event",
              "truncate audit_event")) {
        SQLException refused = assertThrows(SQLException.class, () -> sql.execute(change), change);
        assertEquals(
            INSUFFICIENT_PRIVILEGE,
            refused.getSQLState(),
            () ->
                change
                    + " must be refused by a missing grant, not only by the trigger: "
                    + refused);
        db.rollback();
      }
    }
  }

  @Test
  void theApplicationRoleWorksWithRowsButNotWithTheMigrationHistory() throws Exception {
    try (Connection db = asApplication();
        Statement sql = db.createStatement()) {
      db.setAutoCommit(false);
      sql.executeQuery("select count(*) from account").close();
      sql.executeUpdate("update account set updated_at = updated_at where false");
      sql.executeUpdate("delete from job where false");
      db.rollback();
      SQLException refused =
          assertThrows(
              SQLException.class,
              () -> sql.executeQuery("select count(*) from flyway_schema_history"));
      assertEquals(INSUFFICIENT_PRIVILEGE, refused.getSQLState(), refused::toString);
      db.rollback();
    }
  }
}
