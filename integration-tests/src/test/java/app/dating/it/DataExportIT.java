package app.dating.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dating.it.People.Person;
import app.dating.it.Platform.Reply;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * The data export (GDPR Art. 15 and 20): everything kept about a person, built in the background as
 * a ZIP, announced by mail, downloadable once by its owner.
 */
class DataExportIT {

  @Test
  void anExportHoldsEverythingAboutThePersonAndIsDownloadableOnce() throws Exception {
    double[] place = People.somewhereEmpty();
    Person ann = People.open("woman", place[0], place[1]);
    Person bo = People.open("man", place[0] + 0.01, place[1]);
    Person cy = People.open("man", place[0] + 0.02, place[1]);
    String match = People.match(ann, bo);
    assertEquals(
        201,
        ann.api()
            .post(
                "/api/v1/conversations/" + match + "/messages",
                "{\"clientId\":\"x-1\",\"text\":\"Hello Bo\"}")
            .status());
    assertEquals(
        201,
        bo.api()
            .post(
                "/api/v1/conversations/" + match + "/messages",
                "{\"clientId\":\"x-2\",\"text\":\"Hello Ann\"}")
            .status());
    assertEquals(
        200,
        ann.api()
            .post("/api/v1/swipes", "{\"targetId\":\"" + cy.id() + "\",\"kind\":\"PASS\"}")
            .status());
    assertEquals(
        201,
        ann.api()
            .post(
                "/api/v1/reports",
                "{\"accountId\":\""
                    + cy.id()
                    + "\",\"reason\":\"SPAM\",\"comment\":\"sends links\"}")
            .status());
    assertEquals(
        204, ann.api().post("/api/v1/blocks", "{\"accountId\":\"" + cy.id() + "\"}").status());
    Reply uploaded = PhotosIT.upload(ann.api(), "me.jpg", PhotosIT.phonePhoto(1, 5), "image/jpeg");
    assertEquals(202, uploaded.status(), uploaded::toString);
    assertEquals(
        "READY",
        PhotosIT.awaitProcessed(ann.api(), uploaded.json().getString("id")).getString("status"));

    Reply requested = ann.api().post("/api/v1/me/exports", "");
    assertEquals(202, requested.status(), requested::toString);
    String id = requested.json().getString("id");
    assertTrue(
        requested.header("Location").endsWith("/api/v1/me/exports/" + id), requested::toString);
    Reply again = ann.api().post("/api/v1/me/exports", "");
    assertEquals(
        id, again.json().getString("id"), "a second tap answers with the export on its way");

    JsonObject ready = awaitReady(ann, id);
    assertTrue(ready.getJsonNumber("sizeBytes").longValue() > 0, ready::toString);
    String mail =
        MailServer.awaitMailTo(ann.email(), Duration.ofSeconds(30)).stream()
            .map(GreenMailUtil::getBody)
            .filter(body -> body.contains("/data-export/" + id))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no mail with the export's link"));
    assertFalse(mail.contains("Hello Bo"), "the mail carries a link, not the data");

    assertEquals(404, bo.api().get("/api/v1/me/exports/" + id).status(), "nobody else sees it");
    assertEquals(404, bo.api().getBytes("/api/v1/me/exports/" + id + "/archive").statusCode());

    HttpResponse<byte[]> archive = ann.api().getBytes("/api/v1/me/exports/" + id + "/archive");
    assertEquals(200, archive.statusCode());
    assertEquals("application/zip", archive.headers().firstValue("Content-Type").orElse(""));
    assertEquals("no-store", archive.headers().firstValue("Cache-Control").orElse(""));
    Map<String, byte[]> files = unzip(archive.body());
    assertTrue(files.containsKey("README.txt"), () -> files.keySet().toString());
    JsonObject export =
        Json.createReader(
                new StringReader(new String(files.get("export.json"), StandardCharsets.UTF_8)))
            .readObject();

    assertEquals(
        ann.email(), export.getJsonObject("account").getJsonObject("account").getString("email"));
    assertFalse(export.getJsonObject("account").getJsonArray("sessions").isEmpty());
    List<String> events =
        export.getJsonObject("account").getJsonArray("securityEvents").stream()
            .map(e -> e.asJsonObject().getString("action"))
            .toList();
    assertTrue(events.containsAll(List.of("REGISTER", "LOGIN", "DATA_EXPORT")), events::toString);
    assertFalse(
        new String(files.get("export.json"), StandardCharsets.UTF_8).contains("argon2"),
        "no password hash");
    assertEquals("woman", export.getJsonObject("profile").getString("gender"));
    assertTrue(
        export.getJsonObject("location").containsKey("cellCentreLatitude"), export::toString);
    JsonArray photos = export.getJsonArray("photos");
    assertEquals(1, photos.size());
    byte[] jpeg = files.get(photos.getJsonObject(0).getString("file"));
    assertArrayEquals(
        new byte[] {(byte) 0xFF, (byte) 0xD8},
        new byte[] {jpeg[0], jpeg[1]},
        "the photo itself, a JPEG");
    assertEquals(
        cy.id(),
        export.getJsonArray("swipes").stream()
            .map(s -> s.asJsonObject().getString("target"))
            .filter(cy.id()::equals)
            .findFirst()
            .orElse(null));
    assertEquals(bo.id(), export.getJsonArray("matches").getJsonObject(0).getString("with"));
    assertEquals(cy.id(), export.getJsonArray("blocks").getJsonObject(0).getString("account"));
    assertEquals(
        "sends links", export.getJsonArray("reports").getJsonObject(0).getString("comment"));
    JsonArray messages =
        export.getJsonArray("conversations").getJsonObject(0).getJsonArray("messages");
    assertEquals(
        "Hello Bo", messages.getJsonObject(0).getString("text"), "decrypted for its member");
    assertEquals("Hello Ann", messages.getJsonObject(1).getString("text"));
    assertFalse(export.getJsonObject("chatSettings").getBoolean("hidePresence"));

    assertEquals(
        404, ann.api().getBytes("/api/v1/me/exports/" + id + "/archive").statusCode(), "once");
    assertEquals(
        "DOWNLOADED", ann.api().get("/api/v1/me/exports/" + id).json().getString("status"));
    try (var db = Database.connect()) {
      assertEquals(
          "true",
          Database.string(
              db, "select (archive is null)::text from data_export where id = ?::uuid", id),
          "the archive is not kept once downloaded");
    }
  }

  static JsonObject awaitReady(Person person, String id) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(60);
    while (Instant.now().isBefore(deadline)) {
      JsonObject export = person.api().get("/api/v1/me/exports/" + id).json();
      if (!"PENDING".equals(export.getString("status"))) {
        assertEquals("READY", export.getString("status"), export::toString);
        return export;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("export " + id + " still PENDING after 60 s");
  }

  static Map<String, byte[]> unzip(byte[] zip) throws Exception {
    Map<String, byte[]> files = new HashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        files.put(entry.getName(), in.readAllBytes());
      }
    }
    return files;
  }
}
