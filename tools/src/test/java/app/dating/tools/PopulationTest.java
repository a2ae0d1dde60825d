package app.dating.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dating.profiles.control.LocationGrid;
import app.dating.tools.demo.Progress;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The synthetic population of demo-data (profiles, interests, prompts, photos) against a real PostgreSQL. */
class PopulationTest {
  private static final int USERS = 5000;
  /** The city centres the population is drawn around (an independent list, as the oracle). */
  private static final double[][] CITY_CENTRES = {
    {48.8566, 2.3522}, {51.5074, -0.1278}, {40.4168, -3.7038}, {41.3874, 2.1686}, {45.4642, 9.1900},
    {41.9028, 12.4964}, {52.5200, 13.4050}, {52.2297, 21.0122}, {38.7223, -9.1393}, {48.1351, 11.5820},
    {53.5511, 9.9937}, {50.0755, 14.4378}, {52.3676, 4.9041}, {59.3293, 18.0686}, {45.7640, 4.8357},
    {50.8503, 4.3517}, {55.6761, 12.5683}, {48.2082, 16.3738}, {53.3498, -6.2603}, {47.3769, 8.5417}
  };

  private static EmbeddedPostgres postgres;

  private static String database(String name) throws Exception {
    return ScratchDatabases.create(postgres, name, true);
  }
  private static String population;
  private static List<Person> people;

  private record Person(
      String id,
      int age,
      String gender,
      List<String> wanted,
      int ageMin,
      int ageMax,
      int maxDistance,
      String intent,
      List<String> languages,
      String visibility,
      LocalDate lastActive,
      double lat,
      double lon,
      Integer height) {}

  private record Run(int code, String out, String err) {}

  @BeforeAll
  static void generate() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    population = database("population");
    Run run = demoData(population, "--users", String.valueOf(USERS), "--batch", "2000", "--seed", "11", "--photos", "2");
    assertEquals(0, run.code(), run.err());
    people = people(population);
  }

  @AfterAll
  static void stop() throws IOException {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void everyUserHasAProfile() {
    assertEquals(USERS, people.size());
  }

  @Test
  void gendersAndWhoTheyWant() {
    assertShare("man", 0.48, 0.03, p -> p.gender().equals("man"));
    assertShare("woman", 0.48, 0.03, p -> p.gender().equals("woman"));
    assertShare("non-binary", 0.04, 0.02, p -> p.gender().equals("non-binary"));
    List<Person> binary = people.stream().filter(p -> !p.gender().equals("non-binary")).toList();
    double same = share(binary, p -> p.wanted().equals(List.of(p.gender())));
    double other = share(binary, p -> p.wanted().size() == 1 && !p.wanted().contains(p.gender()));
    double everyone = share(people, p -> p.wanted().containsAll(List.of("man", "woman", "non-binary")));
    assertTrue(same > 0.05 && same < 0.11, "same gender " + same);
    assertTrue(other > 0.82, "other gender " + other);
    assertTrue(everyone > 0.03 && everyone < 0.10, "everyone " + everyone);
    assertTrue(people.stream().allMatch(p -> !p.wanted().isEmpty()));
  }

  @Test
  void agesAndPreferencesAroundThem() {
    assertTrue(people.stream().allMatch(p -> p.age() >= 18 && p.age() <= 70));
    assertTrue(share(people, p -> p.age() >= 22 && p.age() <= 40) > 0.65);
    assertTrue(people.stream().anyMatch(p -> p.age() > 55));
    for (Person p : people) {
      assertTrue(p.ageMin() >= 18 && p.ageMin() <= p.age() && p.age() <= p.ageMax() && p.ageMax() <= 99, p::toString);
      assertTrue(p.ageMin() >= p.age() - 7 && p.ageMax() <= p.age() + 12, p::toString);
      assertTrue(p.maxDistance() >= 10 && p.maxDistance() <= 100, p::toString);
    }
    double menAbove = people.stream().filter(p -> p.gender().equals("man")).mapToInt(p -> p.ageMax() - p.age()).average().orElseThrow();
    double womenAbove = people.stream().filter(p -> p.gender().equals("woman")).mapToInt(p -> p.ageMax() - p.age()).average().orElseThrow();
    assertTrue(womenAbove > menAbove, womenAbove + " vs " + menAbove);
  }

  @Test
  void positionsAreGridCentresAroundCities() {
    for (Person p : people) {
      LocationGrid.Cell cell = LocationGrid.cellOf(p.lat(), p.lon());
      assertEquals(cell.centreLatitude(), p.lat(), 0.0, p::toString);
      assertEquals(cell.centreLongitude(), p.lon(), 0.0, p::toString);
    }
    assertTrue(share(people, p -> nearestCityKm(p) <= 60) >= 0.90);
    assertTrue(share(people, p -> nearestCityKm(p) <= 15) >= 0.60, "most live near a centre");
    long cells = people.stream().map(p -> p.lat() + "," + p.lon()).distinct().count();
    assertTrue(cells > USERS / 5, "spread over many cells: " + cells);
    // Weighted by size: Paris gets more people than Zurich.
    long paris = people.stream().filter(p -> distanceKm(p, CITY_CENTRES[0]) < 60).count();
    long zurich = people.stream().filter(p -> distanceKm(p, CITY_CENTRES[19]) < 60).count();
    assertTrue(paris > 4 * zurich, paris + " vs " + zurich);
  }

  @Test
  void interestsFromTheCatalogueDependOnAge() throws SQLException {
    Map<String, Integer> counts = new HashMap<>();
    Map<String, List<String>> slugs = new HashMap<>();
    try (Connection connection = DriverManager.getConnection(population);
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "select pi.account_id, i.slug from profile_interest pi left join interest i on i.id = pi.interest_id")) {
      while (rows.next()) {
        String slug = rows.getString(2);
        assertTrue(slug != null, "interest in the catalogue");
        counts.merge(rows.getString(1), 1, Integer::sum);
        slugs.computeIfAbsent(rows.getString(1), k -> new ArrayList<>()).add(slug);
      }
    }
    assertEquals(USERS, counts.size());
    assertTrue(counts.values().stream().allMatch(n -> n >= 3 && n <= 8), counts.values()::toString);
    Set<String> young = Set.of("anime", "video-games", "hip-hop", "festivals", "electronic-music");
    Set<String> old = Set.of("gardening", "classical-music", "history", "jazz", "theatre");
    double youngAmongYoung = interestShare(slugs, young, p -> p.age() < 26);
    double youngAmongOld = interestShare(slugs, young, p -> p.age() > 45);
    double oldAmongYoung = interestShare(slugs, old, p -> p.age() < 26);
    double oldAmongOld = interestShare(slugs, old, p -> p.age() > 45);
    assertTrue(youngAmongYoung > 2 * youngAmongOld, youngAmongYoung + " vs " + youngAmongOld);
    assertTrue(oldAmongOld > 2 * oldAmongYoung, oldAmongOld + " vs " + oldAmongYoung);
  }

  @Test
  void visibilityActivityAndDetails() throws SQLException {
    assertShare("discoverable", 0.85, 0.03, p -> p.visibility().equals("DISCOVERABLE"));
    assertShare("paused", 0.10, 0.03, p -> p.visibility().equals("PAUSED"));
    assertShare("hidden", 0.05, 0.02, p -> p.visibility().equals("HIDDEN"));
    LocalDate today = LocalDate.now();
    assertTrue(people.stream().allMatch(p -> !p.lastActive().isAfter(today.plusDays(1)) && p.lastActive().isAfter(today.minusDays(32))));
    long lastWeek = people.stream().filter(p -> p.lastActive().isAfter(today.minusDays(7))).count();
    long fourthWeek = people.stream().filter(p -> p.lastActive().isBefore(today.minusDays(21))).count();
    assertTrue(lastWeek > 2 * fourthWeek, lastWeek + " vs " + fourthWeek);
    Set<String> iso = Set.of(Locale.getISOLanguages());
    assertTrue(people.stream().allMatch(p -> !p.languages().isEmpty() && iso.containsAll(p.languages())));
    assertTrue(people.stream().allMatch(p -> p.intent() != null));
    assertTrue(people.stream().map(Person::intent).distinct().count() == 6);
    assertTrue(share(people, p -> p.height() != null) > 0.8);
    double men = people.stream().filter(p -> p.gender().equals("man") && p.height() != null).mapToInt(Person::height).average().orElseThrow();
    double women = people.stream().filter(p -> p.gender().equals("woman") && p.height() != null).mapToInt(Person::height).average().orElseThrow();
    assertTrue(men > women + 8, men + " vs " + women);

    assertEquals(USERS, count(population, "select count(distinct bio) > 100 and count(bio) > 0.7 * count(*) from profile"), "bios");
    assertEquals(0, count(population, "select count(*) from (select account_id, count(*) n, max(position) top from profile_prompt"
        + " group by account_id) x where n > 3 or top <> n"));
    long answered = count(population, "select count(distinct account_id) from profile_prompt where length(answer) > 0");
    assertTrue(answered > USERS * 0.75 && answered < USERS * 0.95, "with prompts " + answered);
    assertEquals(2L * USERS, count(population, "select count(*) from photo where status = 'READY' and sizes = '1080,640,320'"
        + " and length(content_hash) = 64 and position in (0, 1)"));
  }

  @Test
  void secondRunWithTheSameSeedAddsOtherPeople() throws Exception {
    String url = database("again");
    assertEquals(0, demoData(url, "--users", "1000", "--seed", "5").code());
    Run second = demoData(url, "--users", "1000", "--seed", "5");

    assertEquals(0, second.code(), second.err());
    assertEquals(2000, count(url, "select count(distinct lower(email)) from account"));
    assertEquals(2000, count(url, "select count(*) from profile"));
    assertEquals(2000, count(url, "select count(distinct account_id) from profile_interest"));
  }

  @Test
  void sameSeedGivesSameProfiles() throws Exception {
    String a = database("profiles_a");
    String b = database("profiles_b");
    assertEquals(0, demoData(a, "--users", "300", "--seed", "3").code());
    assertEquals(0, demoData(b, "--users", "300", "--seed", "3", "--batch", "7").code());
    String sql = "select string_agg(concat_ws('|', a.email, p.gender, p.wanted_genders, p.cell_lat, p.cell_lon, p.bio,"
        + " (select string_agg(interest_id::text, ',' order by interest_id) from profile_interest i where i.account_id = p.account_id)),"
        + " ';' order by a.email) from profile p join account a on a.id = p.account_id";
    assertEquals(text(a, sql), text(b, sql));
  }

  @Test
  void optionsChooseCitiesPhotosAndAccountsOnly() throws Exception {
    String berlin = database("berlin");
    assertEquals(0, demoData(berlin, "--users", "200", "--cities", "berlin").code());
    assertEquals(200, count(berlin, "select count(*) from profile where cell_lat between 52 and 53 and cell_lon between 12.5 and 14.3"));

    String bare = database("bare");
    assertEquals(0, demoData(bare, "--users", "200", "--profiles", "false").code());
    assertEquals(200, count(bare, "select count(*) from account"));
    assertEquals(0, count(bare, "select count(*) from profile"));

    String unreachable = "jdbc:postgresql://127.0.0.1:1/dating";
    for (String[] bad :
        List.of(
            new String[] {"--cities", "Atlantis"},
            new String[] {"--cities", "21"},
            new String[] {"--photos", "10"},
            new String[] {"--profiles", "maybe"},
            new String[] {"--profiles", "false", "--photos", "1"})) {
      Run run = demoData(unreachable, Stream.concat(Stream.of("--users", "10"), Arrays.stream(bad)).toArray(String[]::new));
      assertEquals(2, run.code(), String.join(" ", bad) + ": " + run.err());
      assertTrue(run.err().startsWith("demo-data: --"), run.err());
    }
  }

  private static void assertShare(String what, double expected, double tolerance, Predicate<Person> test) {
    double share = share(people, test);
    assertEquals(expected, share, tolerance, what + " share");
  }

  private static double share(List<Person> of, Predicate<Person> test) {
    return of.stream().filter(test).count() / (double) of.size();
  }

  private static double interestShare(Map<String, List<String>> slugs, Set<String> interests, Predicate<Person> group) {
    List<Person> members = people.stream().filter(group).toList();
    assertTrue(members.size() > 200, "group size " + members.size());
    return members.stream().filter(p -> slugs.get(p.id()).stream().anyMatch(interests::contains)).count() / (double) members.size();
  }

  private static double nearestCityKm(Person p) {
    return Arrays.stream(CITY_CENTRES).mapToDouble(c -> distanceKm(p, c)).min().orElseThrow();
  }

  private static double distanceKm(Person p, double[] centre) {
    return LocationGrid.haversineKm(p.lat(), p.lon(), centre[0], centre[1]);
  }

  private static Run demoData(String url, String... args) {
    String[] all = Stream.concat(Stream.of("--jdbc", url, "--user", "postgres"), Arrays.stream(args)).toArray(String[]::new);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        DemoData.run(Options.parse(all), print(out), print(err), new Progress(print(new ByteArrayOutputStream()), false));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static PrintStream print(ByteArrayOutputStream bytes) {
    return new PrintStream(bytes, true, StandardCharsets.UTF_8);
  }

  private static List<Person> people(String url) throws SQLException {
    List<Person> people = new ArrayList<>();
    LocalDate today = LocalDate.now();
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "select a.id, a.birth_date, p.gender, p.wanted_genders, p.age_min, p.age_max, p.max_distance_km,"
                    + " p.intent, p.languages, p.visibility, p.last_active_day, p.cell_lat, p.cell_lon, p.height_cm"
                    + " from account a join profile p on p.account_id = a.id")) {
      while (rows.next()) {
        people.add(
            new Person(
                rows.getString(1),
                Period.between(rows.getObject(2, LocalDate.class), today).getYears(),
                rows.getString(3),
                strings(rows.getArray(4)),
                rows.getInt(5),
                rows.getInt(6),
                rows.getInt(7),
                rows.getString(8),
                strings(rows.getArray(9)),
                rows.getString(10),
                rows.getObject(11, LocalDate.class),
                rows.getDouble(12),
                rows.getDouble(13),
                rows.getObject(14) == null ? null : rows.getInt(14)));
      }
    }
    return people;
  }

  private static List<String> strings(Array array) throws SQLException {
    return List.of((String[]) array.getArray());
  }

  private static long count(String url, String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      Object value = rows.getObject(1);
      return value instanceof Boolean b ? (b ? USERS : 0) : ((Number) value).longValue();
    }
  }

  private static String text(String url, String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getString(1);
    }
  }

}
