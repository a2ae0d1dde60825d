package app.dating.tools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;

/**
 * The platform's two database roles (payara-config/database-roles.sql, also run with psql): the
 * schema's owner, which runs the migrations, and the application's role, which works with rows
 * only. {@code db-roles} runs the file as a superuser against an external database; the embedded
 * database runs it at every start ({@link LocalDatabase}).
 */
final class DatabaseRoles {
  private DatabaseRoles() {}

  /** {@code db-roles --script FILE [--jdbc URL] [--admin-user U] [--owner O] [--app A]}. */
  static void run(Options options) throws Exception {
    String url = options.get("jdbc", "DB_URL", null);
    Properties admin = new Properties();
    admin.setProperty("user", options.get("admin-user", "DB_ADMIN_USER", null));
    admin.setProperty("password", options.get("admin-password", "DB_ADMIN_PASSWORD", ""));
    try (Connection connection = DriverManager.getConnection(url, admin)) {
      apply(
          connection,
          Path.of(options.require("script")),
          Map.of(
              "owner", options.get("owner", "DB_OWNER_USER", "dating_owner"),
              "app", options.get("app", "DB_USER", "dating_app"),
              "owner_password", options.get("owner-password", "DB_OWNER_PASSWORD", ""),
              "app_password", options.get("app-password", "DB_PASSWORD", "")));
    }
    int query = url.indexOf('?');
    System.err.println(
        "database roles: set up in "
            + (query < 0 ? url : url.substring(0, query))
            + " as "
            + admin.getProperty("user"));
  }

  /**
   * Runs the script on {@code connection} (a superuser's, in the platform's database), its psql
   * variables ({@code :'name'}) replaced by SQL literals of {@code variables}.
   */
  static void apply(Connection connection, Path script, Map<String, String> variables)
      throws Exception {
    String sql = Files.readString(script);
    for (Map.Entry<String, String> variable : variables.entrySet()) {
      sql = sql.replace(":'" + variable.getKey() + "'", literal(variable.getValue()));
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new SQLException(script + ": " + e.getMessage(), e.getSQLState(), e);
    }
  }

  private static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }
}
