package app.dating.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dating.it.ChatIT.Pair;
import app.dating.it.Platform.Reply;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What stays on the server's disk of an upload: the sizes, stripped of every piece of metadata, and
 * not the original with its EXIF GPS position (the very thing the location grid hides), whether the
 * photo became READY or was REJECTED, profile photo or chat photo. The photo's ETag does not give
 * away the upload's hash either (with it, anyone holding the original photo could recognise it).
 * The media folder is the platform's ({@code $PLATFORM_HOME/media}).
 */
class PhotoOriginalsIT {
  private static final Path MEDIA = Path.of(System.getProperty("it.platform.home"), "media");

  /** A phone photo with EXIF GPS, unlike any uploaded before (the test database outlives runs). */
  private static byte[] uniquePhonePhoto() throws Exception {
    return PhotosIT.phonePhoto(1, System.nanoTime());
  }

  /** The same, cut short: its header passes the upload's checks, its decoding fails later. */
  private static byte[] truncatedPhonePhoto() throws Exception {
    byte[] photo = uniquePhonePhoto();
    return Arrays.copyOf(photo, photo.length * 6 / 10);
  }

  static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  /** Every file of the media folder whose name holds the hash. */
  private static List<Path> filesOf(String hash) throws Exception {
    try (Stream<Path> files = Files.walk(MEDIA)) {
      return files
          .filter(Files::isRegularFile)
          .filter(f -> f.getFileName().toString().contains(hash))
          .toList();
    }
  }

  /**
   * Waits (a few seconds: the files go once the job's transaction committed) until no file holds
   * the upload as it came, and checks that what is left of it carries no metadata.
   */
  private static void assertNoOriginalLeft(byte[] upload, String what) throws Exception {
    String hash = sha256(upload);
    byte[] gps =
        Arrays.copyOfRange(upload, 20, 60); // within the APP1 Exif segment with the GPS IFD
    assertTrue(
        new String(gps, StandardCharsets.ISO_8859_1).contains("MM"), "the probe is the EXIF block");
    Instant deadline = Instant.now().plusSeconds(10);
    List<Path> originals;
    do {
      originals = filesOf(hash).stream().filter(f -> contains(f, gps)).toList();
      if (originals.isEmpty()) {
        break;
      }
      Thread.sleep(200);
    } while (Instant.now().isBefore(deadline));
    assertEquals(List.of(), originals, what + ": the original with its EXIF GPS is still on disk");
    for (Path left : filesOf(hash)) {
      PhotosIT.assertNoMetadata(Files.readAllBytes(left));
    }
  }

  private static boolean contains(Path file, byte[] part) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      for (int i = 0; i + part.length <= bytes.length; i++) {
        if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
          return true;
        }
      }
      return false;
    } catch (java.io.IOException e) {
      return false; // gone meanwhile
    }
  }

  @Test
  void aProfilePhotoKeepsNoOriginalOnDiskAndItsEtagIsNotTheUploadsHash() throws Exception {
    Api.Account owner = Api.registerVerified();
    String token = owner.accessToken();
    Api me = new Api().bearer(token);
    byte[] upload = uniquePhonePhoto();
    assertTrue(Files.isDirectory(MEDIA), "the platform's media folder: " + MEDIA);

    Reply uploaded = PhotosIT.upload(me, "gps.jpg", upload, "image/jpeg");
    assertEquals(202, uploaded.status(), uploaded::toString);
    JsonObject photo = PhotosIT.awaitProcessed(me, uploaded.json().getString("id"));
    assertEquals("READY", photo.getString("status"), photo::toString);
    assertNoOriginalLeft(upload, "a ready profile photo");

    HttpResponse<byte[]> served =
        PhotosIT.fetch(token, "/api/v1/photos/" + photo.getString("id") + "/1080", null);
    assertEquals(200, served.statusCode());
    PhotosIT.assertNoMetadata(served.body());
    String etag = served.headers().firstValue("ETag").orElseThrow();
    String hash = sha256(upload);
    assertFalse(
        etag.contains(hash.substring(0, 12)), "the ETag gives the upload's SHA-256 away: " + etag);
    assertEquals(
        304,
        PhotosIT.fetch(token, "/api/v1/photos/" + photo.getString("id") + "/1080", etag)
            .statusCode(),
        "still a validator");
    assertEquals(
        200,
        PhotosIT.fetch(token, "/api/v1/photos/" + photo.getString("id") + "/320", etag)
            .statusCode(),
        "each size its own");

    Reply again = PhotosIT.upload(me, "gps-again.jpg", upload, "image/jpeg");
    assertEquals(200, again.status(), "the same bytes are still the same photo: " + again);
    assertEquals(photo.getString("id"), again.json().getString("id"));
  }

  @Test
  void aRejectedProfilePhotoKeepsNoOriginalOnDiskEither() throws Exception {
    Api me = new Api().bearer(Api.registerVerified().accessToken());
    byte[] upload = truncatedPhonePhoto();
    Reply uploaded = PhotosIT.upload(me, "cut.jpg", upload, "image/jpeg");
    assertEquals(202, uploaded.status(), uploaded::toString);
    JsonObject photo = PhotosIT.awaitProcessed(me, uploaded.json().getString("id"));
    assertEquals("REJECTED", photo.getString("status"), photo::toString);
    assertNoOriginalLeft(upload, "a rejected profile photo");
  }

  @Test
  void chatPhotosReadyOrRejectedKeepNoOriginalOnDisk() throws Exception {
    Pair pair = ChatIT.matched();
    Api a = pair.a().api();
    byte[] good = uniquePhonePhoto();
    Reply uploaded = ChatPhotosIT.uploadFor(a, pair.conversation(), good);
    assertEquals(202, uploaded.status(), uploaded::toString);
    JsonObject photo =
        ChatPhotosIT.awaitProcessed(a, pair.conversation(), uploaded.json().getString("id"));
    assertEquals("READY", photo.getString("status"), photo::toString);
    assertNoOriginalLeft(good, "a ready chat photo");

    byte[] bad = truncatedPhonePhoto();
    Reply refused = ChatPhotosIT.uploadFor(a, pair.conversation(), bad);
    assertEquals(202, refused.status(), refused::toString);
    JsonObject rejected =
        ChatPhotosIT.awaitProcessed(a, pair.conversation(), refused.json().getString("id"));
    assertEquals("REJECTED", rejected.getString("status"), rejected::toString);
    assertNoOriginalLeft(bad, "a rejected chat photo");
  }
}
