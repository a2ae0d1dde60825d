package app.dating.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dating.tools.demo.DemoLoader;
import app.dating.tools.demo.Progress;
import de.mkammerer.argon2.Argon2Factory;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The demo-data command against a real PostgreSQL carrying the platform's migrations. */
class DemoDataTest {
  private static final String UNREACHABLE = "jdbc:postgresql://127.0.0.1:1/dating";

  private static EmbeddedPostgres postgres;

  private static String database(String name, boolean migrated) throws Exception {
    return ScratchDatabases.create(postgres, name, migrated);
  }

  @BeforeAll
  static void start() throws IOException {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stop() throws IOException {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void addsRealisticUsers() throws Exception {
    String url = database("realistic", true);

    Run run = demoData(url, "--users", "2500", "--batch", "1000");

    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().startsWith("added 2,500 users in "), run.out());
    assertTrue(run.out().contains("password " + DemoLoader.PASSWORD), run.out());
    List<String> progress = run.progress().lines().toList();
    assertEquals(3, progress.size(), run.progress());
    assertTrue(
        progress.get(2).matches("\\[##########] 2,500/2,500  100%  [0-9,]+ users/s  ETA 0s"),
        progress.get(2));

    List<Account> accounts = accounts(url);
    assertEquals(2500, accounts.size());
    Set<String> emails = accounts.stream().map(Account::email).collect(Collectors.toSet());
    assertEquals(2500, emails.size());
    assertTrue(
        emails.contains("demo-1@example.invalid") && emails.contains("demo-2500@example.invalid"));

    LocalDate today = LocalDate.now();
    List<Integer> ages =
        accounts.stream().map(a -> Period.between(a.birthDate(), today).getYears()).toList();
    assertTrue(ages.stream().allMatch(age -> age >= 18 && age <= 70), ages::toString);
    assertTrue(share(ages.stream().filter(age -> age >= 22 && age <= 40).count()) > 0.65);
    assertTrue(ages.stream().anyMatch(age -> age > 55));

    Set<String> hashes = accounts.stream().map(Account::passwordHash).collect(Collectors.toSet());
    assertEquals(1, hashes.size());
    String hash = hashes.iterator().next();
    assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
    assertTrue(
        Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id)
            .verify(hash, DemoLoader.PASSWORD.toCharArray()));

    assertTrue(
        accounts.stream().allMatch(Account::emailVerified),
        "every demo user is verified (only they are shown)");
    assertTrue(accounts.stream().allMatch(a -> a.status().equals("ACTIVE")));

    Instant now = Instant.now();
    Instant twoYearsAgo = now.minus(Duration.ofDays(731));
    for (Account account : accounts) {
      assertTrue(
          account.createdAt().isAfter(twoYearsAgo) && !account.createdAt().isAfter(now),
          account::toString);
      assertFalse(account.updatedAt().isBefore(account.createdAt()), account::toString);
      assertFalse(account.updatedAt().isAfter(now), account::toString);
    }

    Set<String> names = accounts.stream().map(Account::displayName).collect(Collectors.toSet());
    assertTrue(names.size() > 100, names::toString);
    assertTrue(names.stream().anyMatch(name -> name.contains("'")), "apostrophes survive COPY");
    assertTrue(
        names.stream().anyMatch(name -> !name.chars().allMatch(c -> c < 128)),
        "non-ASCII survives COPY");
  }

  @Test
  void secondRunAddsMoreUsers() throws Exception {
    String url = database("twice", true);

    Run first = demoData(url, "--users", "2500", "--batch", "1000");
    Run second = demoData(url, "--users", "2500", "--batch", "1000");

    assertEquals(0, first.code(), first.err());
    assertEquals(0, second.code(), second.err());
    assertTrue(
        second.out().contains("demo-2501@example.invalid to demo-5000@example.invalid"),
        second.out());
    List<Account> accounts = accounts(url);
    assertEquals(5000, accounts.size());
    assertEquals(5000, accounts.stream().map(a -> a.email().toLowerCase()).distinct().count());
    assertEquals(5000, accounts.stream().map(Account::id).distinct().count());
  }

  @Test
  void sameSeedGivesSamePeople() throws Exception {
    String a = database("seed_a", true);
    String b = database("seed_b", true);
    String c = database("seed_c", true);

    assertEquals(0, demoData(a, "--users", "500", "--seed", "7").code());
    assertEquals(0, demoData(b, "--users", "500", "--seed", "7", "--batch", "64").code());
    assertEquals(0, demoData(c, "--users", "500", "--seed", "8").code());

    assertEquals(people(a), people(b));
    assertNotEquals(people(a), people(c));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-3", "10000001", "many", "2.5", " "})
  void rejectsBadUserCounts(String users) {
    Run run = demoData(UNREACHABLE, "--users", users);

    assertEquals(2, run.code());
    assertTrue(run.err().startsWith("demo-data: --users "), run.err());
  }

  @Test
  void rejectsUnknownOptionsAndBadBatches() {
    assertEquals(2, demoData(UNREACHABLE, "--users", "10", "--usres", "10").code());
    assertEquals(2, demoData(UNREACHABLE, "--users", "10", "--batch", "0").code());
    assertEquals(2, demoData(UNREACHABLE, "--users", "10", "--seed", "x").code());
  }

  @Test
  void connectionFailureIsOneClearLine() {
    Run run = demoData(UNREACHABLE + "?password=secret", "--users", "10");

    assertEquals(1, run.code());
    assertEquals(1, run.err().lines().count(), run.err());
    assertTrue(
        run.err().startsWith("demo-data: cannot connect to " + UNREACHABLE + " as postgres: "),
        run.err());
    assertFalse(run.err().contains("secret"));
  }

  @Test
  void missingSchemaSaysSo() throws Exception {
    Run run = demoData(database("empty", false), "--users", "10");

    assertEquals(1, run.code());
    assertTrue(run.err().contains("is the schema migrated?"), run.err());
  }

  private record Run(int code, String out, String err, String progress) {}

  private record Account(
      String id,
      String email,
      boolean emailVerified,
      String displayName,
      LocalDate birthDate,
      String passwordHash,
      String status,
      Instant createdAt,
      Instant updatedAt) {}

  private static Run demoData(String url, String... args) {
    String[] all =
        Stream.concat(Stream.of("--jdbc", url, "--user", "postgres"), Arrays.stream(args))
            .toArray(String[]::new);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    int code =
        DemoData.run(
            Options.parse(all), print(out), print(err), new Progress(print(progress), false));
    return new Run(code, text(out), text(err), text(progress));
  }

  private static PrintStream print(ByteArrayOutputStream bytes) {
    return new PrintStream(bytes, true, StandardCharsets.UTF_8);
  }

  private static String text(ByteArrayOutputStream bytes) {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static double share(long count) {
    return count / 2500.0;
  }

  private static List<Account> accounts(String url) throws SQLException {
    List<Account> accounts = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "select id, email, email_verified, display_name, birth_date, password_hash, status,"
                    + " created_at, updated_at from account")) {
      while (rows.next()) {
        accounts.add(
            new Account(
                rows.getString(1),
                rows.getString(2),
                rows.getBoolean(3),
                rows.getString(4),
                rows.getObject(5, LocalDate.class),
                rows.getString(6),
                rows.getString(7),
                rows.getObject(8, OffsetDateTime.class).toInstant(),
                rows.getObject(9, OffsetDateTime.class).toInstant()));
      }
    }
    return accounts;
  }

  private static List<String> people(String url) throws SQLException {
    List<String> people = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "select id, email, display_name, birth_date from account"
                    + " order by substring(email from '[0-9]+')::int")) {
      while (rows.next()) {
        people.add(
            String.join(
                "|", rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4)));
      }
    }
    return people;
  }
}
