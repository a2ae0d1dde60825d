package app.dating.tools.demo;

import static java.nio.charset.StandardCharsets.UTF_8;

import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Adds synthetic users with PostgreSQL {@code COPY} ({@code account}, and with profiles
 * {@code profile}, {@code profile_interest}, {@code profile_prompt}, {@code photo}), one transaction
 * per batch.
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
  private static final int CHUNK = 1 << 18;

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

  /**
   * What to add: {@code users} users from {@code seed}, {@code batchSize} to a transaction; with
   * {@code profiles}, each gets a profile around one of {@code cities} and {@code photos} photo rows.
   */
  public record Plan(int users, long seed, int batchSize, boolean profiles, String cities, int photos) {
    public Plan {
      if (photos > 0 && !profiles) {
        throw new IllegalArgumentException("--photos needs --profiles true");
      }
      Cities.select(cities);
    }

    /** Accounts only, as before profiles existed. */
    public static Plan accounts(int users, long seed, int batchSize) {
      return new Plan(users, seed, batchSize, false, "all", 0);
    }
  }

  public static Result load(Connection connection, int users, long seed, int batchSize, Progress progress)
      throws SQLException, IOException {
    return load(connection, Plan.accounts(users, seed, batchSize), progress);
  }

  /**
   * Adds the users of a plan. One thread describes the next batch (CSV encoded to bytes) while this
   * one copies the current batch table by table, so both cores work; each batch is one transaction.
   */
  public static Result load(Connection connection, Plan plan, Progress progress) throws SQLException, IOException {
    PGConnection postgres = connection.unwrap(PGConnection.class);
    connection.setAutoCommit(true);
    if (!queryBoolean(connection, LOCK)) {
      throw new SQLException("another demo-data run is adding users to this database");
    }
    ExecutorService describer =
        Executors.newSingleThreadExecutor(
            task -> {
              Thread thread = new Thread(task, "demo-data-describer");
              thread.setDaemon(true);
              return thread;
            });
    try {
      SyntheticProfiles profiles =
          plan.profiles()
              ? new SyntheticProfiles(Catalogue.load(connection), Cities.select(plan.cities()), plan.photos())
              : null;
      SyntheticUsers people = new SyntheticUsers(plan.seed(), hashPassword(), Clock.systemDefaultZone(), profiles);
      long first = queryLong(connection, HIGHEST_NUMBER) + 1;
      int users = plan.users();
      long started = System.nanoTime();
      progress.start(users);
      connection.setAutoCommit(false);
      int done = 0;
      Future<Encoded> next = describer.submit(() -> describe(people, first, Math.min(plan.batchSize(), users)));
      while (done < users) {
        int size = Math.min(plan.batchSize(), users - done);
        Encoded batch = await(next);
        int following = done + size;
        if (following < users) {
          int nextSize = Math.min(plan.batchSize(), users - following);
          next = describer.submit(() -> describe(people, first + following, nextSize));
        }
        try {
          for (Encoded.Table table : batch.tables()) {
            copy(postgres, table);
          }
          connection.commit();
        } catch (SQLException | RuntimeException e) {
          connection.rollback();
          String state = e instanceof SQLException sql ? sql.getSQLState() : null;
          throw new SQLException(
              String.format(Locale.ROOT, "stopped after %,d users: %s", done, e.getMessage()), state, e);
        }
        done = following;
        progress.update(done);
      }
      return new Result(first, first + users - 1, Duration.ofNanos(System.nanoTime() - started));
    } finally {
      describer.shutdownNow();
      unlock(connection);
    }
  }

  /** A described batch: per table, the COPY statement and its CSV input as UTF-8. */
  private record Encoded(List<Table> tables) {
    record Table(String sql, byte[] csv) {}
  }

  private static Encoded describe(SyntheticUsers people, long from, int size) {
    Batch batch = new Batch(size);
    for (long number = from; number < from + size; number++) {
      people.describe(number, batch);
    }
    List<Encoded.Table> tables = new ArrayList<>();
    for (CopyTable table : batch.tables()) {
      if (table.rows() > 0) {
        tables.add(new Encoded.Table(table.copySql(), table.data().toString().getBytes(UTF_8)));
      }
    }
    return new Encoded(tables);
  }

  private static Encoded await(Future<Encoded> batch) throws IOException {
    try {
      return batch.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IOException(e.getCause());
    }
  }

  private static void copy(PGConnection postgres, Encoded.Table table) throws SQLException {
    CopyIn copy = postgres.getCopyAPI().copyIn(table.sql());
    try {
      byte[] csv = table.csv();
      for (int offset = 0; offset < csv.length; offset += CHUNK) {
        copy.writeToCopy(csv, offset, Math.min(CHUNK, csv.length - offset));
      }
      copy.endCopy();
    } catch (SQLException | RuntimeException e) {
      if (copy.isActive()) {
        try {
          copy.cancelCopy();
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
