package app.dating.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dating.it.Platform.Reply;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * The benchmark ceiling (issue #13): with diagnostics on, as in these tests (see the pom), the WAR
 * benchmarks/ceiling serves {@code POST /bench/bare-insert} through Hibernate ORM, the platform's
 * version; the EAR itself holds none of it, and its migrations leave no {@code bench_row} in the
 * production schema.
 */
class BenchCeilingIT {
  private static final Path EAR = Platform.ROOT.resolve("ear/target/dating.ear");
  private static final Pattern CEILING_CLASS =
      Pattern.compile(".*/(BenchRow|BareInsert)[^/]*\\.class");
  private static final Pattern MIGRATION = Pattern.compile("db/migration/V(\\d+)__[^/]*\\.sql");
  private static final Pattern HIBERNATE_IN_EAR =
      Pattern.compile("lib/org\\.hibernate\\.orm-hibernate-core-(.+)\\.jar");

  private static Reply bareInsert(String path) {
    return Platform.send(
        HttpRequest.newBuilder(Platform.uri(path)).POST(HttpRequest.BodyPublishers.noBody()));
  }

  @Test
  void theCeilingCommitsOneRowPerCallAndAnswersItsId() throws Exception {
    Reply first = bareInsert("/bench/bare-insert");
    assertEquals(200, first.status(), first::toString);
    assertTrue(first.contentType().startsWith("application/json"), first::toString);
    assertEquals(1, first.json().size(), first::toString);
    UUID id = UUID.fromString(first.json().getString("id"));
    Reply second = bareInsert("/bench/bare-insert");
    assertEquals(200, second.status(), second::toString);
    assertNotEquals(id, UUID.fromString(second.json().getString("id")));

    try (Connection db = Database.connect()) {
      assertEquals(
          "1",
          Database.string(
              db, "select count(*) from bench_row where id = cast(? as uuid)", "" + id));
    }
  }

  /** Hibernate ORM, not the server's EclipseLink, and the version the EAR bundles. */
  @Test
  void theCeilingIsReadyOnThePlatformsHibernate() throws IOException {
    Reply reply = Platform.get("/health/ready");
    assertEquals(200, reply.status(), reply::toString);
    JsonObject ceiling =
        reply.json().getJsonArray("checks").stream()
            .map(JsonValue::asJsonObject)
            .filter(check -> check.getString("name").equals("bench-ceiling"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no bench-ceiling check: " + reply));
    assertEquals("UP", ceiling.getString("status"));
    String hibernate =
        entries(EAR).keySet().stream()
            .map(HIBERNATE_IN_EAR::matcher)
            .filter(Matcher::matches)
            .map(m -> m.group(1))
            .findFirst()
            .orElseThrow();
    assertEquals(
        "bench_row through Hibernate ORM " + hibernate,
        ceiling.getJsonObject("data").getString("detail"));
  }

  @Test
  void theApiHasNoBareInsert() {
    Reply reply = bareInsert("/api/v1/system/bare-insert");
    assertEquals(404, reply.status(), reply::toString);
  }

  @Test
  void theEarHoldsNoClassOfTheCeiling() throws IOException {
    List<String> classes = new ArrayList<>();
    collectClasses(Files.newInputStream(EAR), "dating.ear", classes);
    assertTrue(classes.size() > 1000, () -> "the EAR was not read: " + classes.size() + " classes");
    List<String> ceiling =
        classes.stream().filter(c -> CEILING_CLASS.matcher(c).matches()).toList();
    assertEquals(List.of(), ceiling);
  }

  /**
   * The production schema is what the EAR's migrations make: the last one that names bench_row
   * drops it (the table here is the ceiling's own), and it ran here.
   */
  @Test
  void theEarsMigrationsDropTheCeilingTable() throws Exception {
    byte[] ejbJar = entries(EAR).get("dating-ejb.jar");
    Map<Integer, String> migrations = new TreeMap<>(Comparator.reverseOrder());
    entries(ejbJar)
        .forEach(
            (name, bytes) -> {
              Matcher migration = MIGRATION.matcher(name);
              if (migration.matches()) {
                migrations.put(
                    Integer.valueOf(migration.group(1)), new String(bytes, StandardCharsets.UTF_8));
              }
            });
    Map.Entry<Integer, String> last =
        migrations.entrySet().stream()
            .filter(m -> m.getValue().contains("bench_row"))
            .findFirst()
            .orElseThrow();
    assertTrue(
        last.getValue().contains("drop table if exists bench_row;"),
        () -> "V" + last.getKey() + " is the last migration naming bench_row:\n" + last.getValue());

    try (Connection db = Database.connect()) {
      assertEquals(
          "true",
          Database.string(
              db,
              "select bool_and(success)::text from flyway_schema_history where version = ?",
              "" + last.getKey()));
    }
  }

  /** The entries of a zip file (an EAR, a jar) by name, with their bytes. */
  private static Map<String, byte[]> entries(Path zip) throws IOException {
    return entries(Files.readAllBytes(zip));
  }

  private static Map<String, byte[]> entries(byte[] zip) throws IOException {
    Map<String, byte[]> entries = new TreeMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
        entries.put(entry.getName(), in.readAllBytes());
      }
    }
    return entries;
  }

  /** Every class in an archive and in the archives it holds (WARs, the EJB jar, lib/). */
  private static void collectClasses(InputStream archive, String where, List<String> classes)
      throws IOException {
    try (ZipInputStream in = new ZipInputStream(archive)) {
      for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
        String name = entry.getName();
        if (name.endsWith(".jar") || name.endsWith(".war")) {
          collectClasses(new ByteArrayInputStream(in.readAllBytes()), where + "!/" + name, classes);
        } else if (name.endsWith(".class")) {
          classes.add(where + "!/" + name);
        }
      }
    }
  }
}
