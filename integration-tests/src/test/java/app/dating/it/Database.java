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

/** The platform's database, to check what was stored (URL from the state file of bin/platform). */
final class Database {
  private Database() {}

  static Connection connect() throws Exception {
    Path state = Path.of(System.getProperty("it.platform.home"), "platform.env");
    String url = Files.readAllLines(state).stream()
        .filter(line -> line.startsWith("DB_URL=")).map(line -> line.substring(7)).findFirst().orElseThrow();
    Properties properties = new Properties();
    properties.setProperty("user", System.getenv().getOrDefault("DB_USER", "postgres"));
    properties.setProperty("password", System.getenv().getOrDefault("DB_PASSWORD", "unused"));
    return DriverManager.getConnection(url, properties);
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
    try (Connection db = connect(); PreparedStatement statement = db.prepareStatement(sql)) {
      statement.setString(1, parameter);
      return statement.executeUpdate();
    }
  }
}
