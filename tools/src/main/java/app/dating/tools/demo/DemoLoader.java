package app.dating.tools.demo;

import static java.nio.charset.StandardCharsets.UTF_8;

import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Adds synthetic users to {@code account} with PostgreSQL {@code COPY}, one transaction per batch.
 * Demo numbers continue after the highest existing {@code demo-<n>@example.invalid}, so every run
 * adds users. All of them share one Argon2id hash of {@link #PASSWORD}.
 */
public final class DemoLoader {
  public static final String PASSWORD = "demo-password-123";

  private static final String HIGHEST_NUMBER =
      """
      select coalesce(max(substring(lower(email) from '^demo-([0-9]{1,18})@example\\.invalid$')::bigint), 0)
      from account where lower(email) like 'demo-%@example.invalid'""";
  private static final String LOCK = "select pg_try_advisory_lock(hashtext('app.dating demo-data'))";
  private static final String UNLOCK = "select pg_advisory_unlock(hashtext('app.dating demo-data'))";
  private static final int BUFFER = 1 << 16;

  /** Users {@code demo-<first>} to {@code demo-<last>} were added. */
  public record Result(long first, long last, Duration elapsed) {
    public long added() {
      return last - first + 1;
    }

    public double rate() {
      return added() / Math.max(elapsed.toNanos() / 1e9, 1e-9);
    }

    public String summary() {
      return String.format(
          Locale.ROOT,
          "added %,d users in %.1f s (%,d users/s)",
          added(),
          elapsed.toNanos() / 1e9,
          Math.round(rate()));
    }
  }

  private DemoLoader() {}

  public static Result load(Connection connection, int users, long seed, int batchSize, Progress progress)
      throws SQLException, IOException {
    SyntheticUsers people = new SyntheticUsers(seed, hashPassword(), Clock.systemDefaultZone());
    String copy =
        "COPY account (" + String.join(", ", people.columns()) + ") FROM STDIN WITH (FORMAT csv)";
    CsvRow row = new CsvRow(people.columns());
    PGConnection postgres = connection.unwrap(PGConnection.class);
    connection.setAutoCommit(true);
    if (!queryBoolean(connection, LOCK)) {
      throw new SQLException("another demo-data run is adding users to this database");
    }
    try {
      long first = queryLong(connection, HIGHEST_NUMBER) + 1;
      long started = System.nanoTime();
      progress.start(users);
      connection.setAutoCommit(false);
      int done = 0;
      while (done < users) {
        int size = Math.min(batchSize, users - done);
        try {
          copy(postgres, copy, people, row, first + done, size);
          connection.commit();
        } catch (SQLException | IOException | RuntimeException e) {
          connection.rollback();
          String state = e instanceof SQLException sql ? sql.getSQLState() : null;
          throw new SQLException(
              String.format(Locale.ROOT, "stopped after %,d users: %s", done, e.getMessage()), state, e);
        }
        done += size;
        progress.update(done);
      }
      return new Result(first, first + users - 1, Duration.ofNanos(System.nanoTime() - started));
    } finally {
      unlock(connection);
    }
  }

  private static void copy(PGConnection postgres, String sql, SyntheticUsers people, CsvRow row, long from, int size)
      throws SQLException, IOException {
    PGCopyOutputStream stream = new PGCopyOutputStream(postgres, sql, BUFFER);
    try {
      Writer out = new BufferedWriter(new OutputStreamWriter(stream, UTF_8), BUFFER);
      for (long number = from; number < from + size; number++) {
        people.describe(number, row.start());
        out.append(row.end());
      }
      out.flush();
      stream.endCopy();
    } catch (SQLException | IOException | RuntimeException e) {
      if (stream.isActive()) {
        try {
          stream.cancelCopy();
        } catch (SQLException cancel) {
          e.addSuppressed(cancel);
        }
      }
      throw e;
    }
  }

  /** Best effort: the lock ends with the session anyway, and a broken session must not hide why. */
  private static void unlock(Connection connection) {
    try {
      connection.setAutoCommit(true);
      queryBoolean(connection, UNLOCK);
    } catch (SQLException ignored) {
      // nothing to release
    }
  }

  private static String hashPassword() {
    Argon2 argon2 = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id);
    char[] password = PASSWORD.toCharArray();
    try {
      return argon2.hash(2, 19456, 1, password);
    } finally {
      argon2.wipeArray(password);
    }
  }

  private static long queryLong(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    }
  }

  private static boolean queryBoolean(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getBoolean(1);
    }
  }
}
