package app.dating.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The platform's database, to check what was stored (URL from the state file of bin/platform). The
 * tests look as an administrator ({@code DB_ADMIN_USER}, default {@code postgres}: the embedded
 * database trusts loopback; CI sets it), not as the application, whose role may change nothing of
 * the schema.
 */
final class Database {
  private Database() {}

  static Connection connect() throws Exception {
    return connect(
        System.getenv().getOrDefault("DB_ADMIN_USER", "postgres"),
        System.getenv().getOrDefault("DB_ADMIN_PASSWORD", "unused"));
  }

  /** A connection as {@code user} (the application's role: see {@link #state(String, String)}). */
  static Connection connect(String user, String password) throws Exception {
    Properties properties = new Properties();
    properties.setProperty("user", user);
    properties.setProperty("password", password);
    return DriverManager.getConnection(state("DB_URL", null), properties);
  }

  /** A line {@code NAME=value} of the running platform's state file, or {@code fallback}. */
  static String state(String name, String fallback) throws Exception {
    Path state = Path.of(System.getProperty("it.platform.home"), "platform.env");
    return Files.readAllLines(state).stream()
        .filter(line -> line.startsWith(name + "="))
        .map(line -> line.substring(name.length() + 1))
        .findFirst()
        .or(() -> java.util.Optional.ofNullable(fallback))
        .orElseThrow(() -> new AssertionError("no " + name + " in " + state));
  }

  static String string(Connection db, String sql, String parameter) throws SQLException {
    List<String> values = strings(db, sql, parameter);
    if (values.size() != 1) {
      throw new AssertionError("expected one row, got " + values);
    }
    return values.get(0);
  }

  static List<String> strings(Connection db, String sql, String parameter) throws SQLException {
    try (PreparedStatement statement = db.prepareStatement(sql)) {
      statement.setString(1, parameter);
      List<String> values = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          values.add(rows.getString(1));
        }
      }
      return values;
    }
  }

  /** Runs an insert, update or delete with one parameter; how many rows it changed. */
  static int update(String sql, String parameter) throws Exception {
    try (Connection db = connect();
        PreparedStatement statement = db.prepareStatement(sql)) {
      statement.setString(1, parameter);
      return statement.executeUpdate();
    }
  }
}
