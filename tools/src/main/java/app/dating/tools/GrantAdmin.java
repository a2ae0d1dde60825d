package app.dating.tools;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;

/**
 * The {@code grant-admin} command ({@code platform grant-admin <email>}): an operator makes the
 * active account of an address ADMIN, in the database, with an audit event. Only an account whose
 * address is proven (followed a mailed link, or a provider verified it) is granted: an unproven
 * address may have been registered by someone else. The role shows in access tokens issued from
 * then on. Exit code 0 when granted (or held already), 1 when refused or the database fails, 2 for
 * bad arguments.
 */
public final class GrantAdmin {
  static final String USAGE =
      "usage: grant-admin --email ADDRESS [--jdbc URL] [--user U] [--password P]";

  private GrantAdmin() {}

  static void run(Options options) {
    int code = run(options, System.out, System.err);
    if (code != 0) {
      System.exit(code);
    }
  }

  static int run(Options options, PrintStream out, PrintStream err) {
    String email;
    String url;
    Properties properties = new Properties();
    try {
      email = options.require("email").strip().toLowerCase(Locale.ROOT);
      url = options.get("jdbc", "DB_URL", DemoData.DEFAULT_URL);
      properties.setProperty("user", options.get("user", "DB_USER", "postgres"));
      String password = options.get("password", "DB_PASSWORD", "");
      if (!password.isEmpty()) {
        properties.setProperty("password", password);
      }
      properties.setProperty("ApplicationName", "grant-admin");
    } catch (IllegalArgumentException e) {
      err.println("grant-admin: " + e.getMessage());
      err.println(USAGE);
      return 2;
    }
    try (Connection db = DriverManager.getConnection(url, properties)) {
      db.setAutoCommit(false);
      int code = grant(db, email, out, err);
      if (code == 0) {
        db.commit();
      } else {
        db.rollback();
      }
      return code;
    } catch (SQLException e) {
      err.println("grant-admin: " + e.getMessage().strip());
      return 1;
    }
  }

  private static int grant(Connection db, String email, PrintStream out, PrintStream err)
      throws SQLException {
    UUID id;
    String roles;
    try (PreparedStatement find =
        db.prepareStatement(
            "select id, roles, status, email_verified from account where lower(email) = ? for update")) {
      find.setString(1, email);
      try (ResultSet row = find.executeQuery()) {
        if (!row.next()) {
          err.println("grant-admin: no account has the address " + email);
          return 1;
        }
        id = row.getObject("id", UUID.class);
        roles = row.getString("roles");
        if (!"ACTIVE".equals(row.getString("status"))) {
          err.println("grant-admin: the account " + id + " is " + row.getString("status"));
          return 1;
        }
        if (!row.getBoolean("email_verified")) {
          err.println(
              "grant-admin: the account "
                  + id
                  + " has not proven its address: anyone may have registered it. Ask its owner to"
                  + " follow the link in our mail (or to choose a password through a reset) first.");
          return 1;
        }
      }
    }
    if (Arrays.stream(roles.split(",")).map(String::strip).anyMatch("ADMIN"::equals)) {
      out.println("grant-admin: the account " + id + " (" + email + ") is ADMIN already");
      return 0;
    }
    try (PreparedStatement update =
            db.prepareStatement(
                "update account set roles = roles || ',ADMIN', updated_at = now() where id = ?");
        PreparedStatement audit =
            db.prepareStatement(
                "insert into audit_event (at, action, outcome, actor_id, user_agent, detail)"
                    + " values (now(), 'ROLE_CHANGE', 'SUCCESS', ?, 'platform grant-admin',"
                    + " 'ADMIN granted by an operator (platform grant-admin)')")) {
      update.setObject(1, id);
      update.executeUpdate();
      audit.setObject(1, id);
      audit.executeUpdate();
    }
    out.println(
        "grant-admin: the account "
            + id
            + " ("
            + email
            + ") is ADMIN; access tokens issued from now on say so");
    return 0;
  }
}
