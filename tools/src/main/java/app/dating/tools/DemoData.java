package app.dating.tools;

import app.dating.tools.demo.DemoLoader;
import app.dating.tools.demo.Progress;
import java.io.IOException;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code demo-data} command: fills the database with N synthetic users for demos and
 * benchmarks, all of whom log in with {@link DemoLoader#PASSWORD}. By default each gets a profile
 * (a synthetic population around 20 European cities); {@code --profiles false} adds accounts only. Exit code 2 for bad arguments,
 * 1 when the database fails.
 */
final class DemoData {
  static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5433/dating";
  static final int MAX_USERS = 10_000_000;
  /** Photo.MAX_PER_ACCOUNT. */
  static final int MAX_PHOTOS = 9;
  private static final Set<String> OPTIONS = 
      Set.of("users", "jdbc", "user", "password", "seed", "batch", "profiles", "cities", "photos");
  static final String USAGE =
      "usage: demo-data --users N [--jdbc URL] [--user U] [--password P] [--seed S] [--batch B]"
          + " [--profiles true|false] [--cities all|N|Name,Name...] [--photos 0-9]";

  private DemoData() {}

  /** What to add, and where. */
  record Settings(String url, String user, String password, DemoLoader.Plan plan) {
    static Settings of(Options options) {
      Set<String> unknown = new TreeSet<>(options.values().keySet());
      unknown.removeAll(OPTIONS);
      if (!unknown.isEmpty()) {
        throw new IllegalArgumentException("unknown option --" + String.join(", --", unknown));
      }
      int users = (int) number(options, "users", null, 1, MAX_USERS);
      long seed = number(options, "seed", "42", Long.MIN_VALUE, Long.MAX_VALUE);
      int batch = (int) number(options, "batch", "10000", 1, MAX_USERS);
      boolean profiles = bool(options, "profiles", "true");
      String cities = options.get("cities", null, "all");
      int photos = (int) number(options, "photos", "0", 0, MAX_PHOTOS);
      return new Settings(
          options.get("jdbc", "DB_URL", DEFAULT_URL),
          options.get("user", "DB_USER", "postgres"),
          options.get("password", "DB_PASSWORD", ""),
          new DemoLoader.Plan(users, seed, batch, profiles, cities, photos));
    }

    Connection connect() throws SQLException {
      Properties properties = new Properties();
      properties.setProperty("user", user);
      if (!password.isEmpty()) {
        properties.setProperty("password", password);
      }
      properties.setProperty("ApplicationName", "demo-data");
      return DriverManager.getConnection(url, properties);
    }

    /** The URL without its parameters, which may hold a password. */
    String safeUrl() {
      int query = url.indexOf('?');
      return query < 0 ? url : url.substring(0, query);
    }
  }

  static void run(Options options) {
    int code = run(options, System.out, System.err, Progress.toStandardError());
    if (code != 0) {
      System.exit(code);
    }
  }

  static int run(Options options, PrintStream out, PrintStream err, Progress progress) {
    Settings settings;
    try {
      settings = Settings.of(options);
    } catch (IllegalArgumentException e) {
      err.println("demo-data: " + e.getMessage());
      err.println(USAGE);
      return 2;
    }
    Connection connection;
    try {
      connection = settings.connect();
    } catch (SQLException e) {
      err.printf("demo-data: cannot connect to %s as %s: %s%n", settings.safeUrl(), settings.user(), oneLine(e));
      return 1;
    }
    try (connection) {
      DemoLoader.Result result =
          DemoLoader.load(connection, settings.plan(), progress);
      out.println(result.summary());
      out.printf(
          "demo users demo-%d@example.invalid to demo-%d@example.invalid log in with the password %s%n",
          result.first(), result.last(), DemoLoader.PASSWORD);
      return 0;
    } catch (SQLException e) {
      String hint = "42P01".equals(e.getSQLState()) ? " (is the schema migrated? start the platform once)" : "";
      err.println("demo-data: " + oneLine(e) + hint);
      return 1;
    } catch (IOException e) {
      err.println("demo-data: " + oneLine(e));
      return 1;
    }
  }

  private static long number(Options options, String name, String defaultValue, long min, long max) {
    String value = options.get(name, null, defaultValue);
    long number;
    try {
      number = Long.parseLong(value.replace("_", "").replace(",", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " must be a whole number, got " + value);
    }
    if (number < min || number > max) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "--%s must be between %,d and %,d, got %s", name, min, max, value));
    }
    return number;
  }

  private static boolean bool(Options options, String name, String defaultValue) {
    String value = options.get(name, null, defaultValue).strip().toLowerCase(Locale.ROOT);
    return switch (value) {
      case "true", "yes" -> true;
      case "false", "no" -> false;
      default -> throw new IllegalArgumentException("--" + name + " must be true or false, got " + value);
    };
  }

  private static String oneLine(Exception e) {
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    return message.strip().replaceAll("\\s*\\n\\s*", " ");
  }
}
