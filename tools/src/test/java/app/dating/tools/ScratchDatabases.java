package app.dating.tools;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Fresh databases on an embedded PostgreSQL, with the project's migrations applied in version order. */
final class ScratchDatabases {
  private static final Path MIGRATIONS = Path.of("../ejb-module/src/main/resources/db/migration");
  private static final Pattern MIGRATION = Pattern.compile("V([0-9._]+)__.*\\.sql");

  private ScratchDatabases() {}

  /** A new database; with {@code migrated}, the current schema. Returns its JDBC URL. */
  static String create(EmbeddedPostgres postgres, String name, boolean migrated) throws Exception {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("create database " + name);
    }
    if (migrated) {
      try (Connection connection = postgres.getDatabase("postgres", name).getConnection();
          Statement statement = connection.createStatement()) {
        for (Path migration : migrations()) {
          statement.execute(Files.readString(migration));
        }
      }
    }
    return postgres.getJdbcUrl("postgres", name);
  }

  /** Every versioned migration in version order, so generators are checked against the current schema. */
  private static List<Path> migrations() throws IOException {
    try (Stream<Path> files = Files.list(MIGRATIONS)) {
      List<Path> migrations =
          files
              .filter(file -> MIGRATION.matcher(file.getFileName().toString()).matches())
              .sorted(Comparator.comparing(ScratchDatabases::version, Arrays::compare))
              .toList();
      assertFalse(migrations.isEmpty(), "no migrations in " + MIGRATIONS.toAbsolutePath());
      return migrations;
    }
  }

  private static int[] version(Path migration) {
    Matcher matcher = MIGRATION.matcher(migration.getFileName().toString());
    matcher.matches();
    return Arrays.stream(matcher.group(1).split("[._]")).mapToInt(Integer::parseInt).toArray();
  }
}
