package app.dating.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dating.it.Platform.Reply;
import app.dating.tools.SamplePhotos;
import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import jakarta.json.JsonObject;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Photos through the API: checked at upload, processed on the JMS queue, served without any
 * metadata and upright, only to whoever may see the profile.
 */
class PhotosIT {

  /**
   * A 400×200 photo with a red square in its top-left corner, EXIF orientation {@code orientation}
   * and GPS.
   */
  static byte[] phonePhoto(int orientation, long seed) throws Exception {
    BufferedImage image = SamplePhotos.photoLike(400, 200, seed);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.RED);
    g.fillRect(0, 0, 40, 40);
    g.dispose();
    return SamplePhotos.withExif(SamplePhotos.jpeg(image, 0.9f), orientation);
  }

  static Reply upload(Api api, String filename, byte[] bytes, String contentType) {
    return upload(api, "/api/v1/me/photos", filename, bytes, contentType);
  }

  /** A multipart upload (field {@code file}) to {@code path}. */
  static Reply upload(Api api, String path, String filename, byte[] bytes, String contentType) {
    String boundary = "----it" + UUID.randomUUID();
    byte[] head =
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + filename
                + "\"\r\nContent-Type: "
                + contentType
                + "\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[head.length + bytes.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(bytes, 0, body, head.length, bytes.length);
    System.arraycopy(tail, 0, body, head.length + bytes.length, tail.length);
    return api.postBytes(path, "multipart/form-data; boundary=" + boundary, body);
  }

  static JsonObject awaitProcessed(Api api, String id) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(60);
    while (Instant.now().isBefore(deadline)) {
      JsonObject photo = api.get("/api/v1/me/photos/" + id).json();
      if (!photo.getString("status").equals("PENDING")) {
        return photo;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("photo " + id + " still PENDING after 60 s");
  }

  static HttpResponse<byte[]> fetch(String bearer, String path, String etag) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(Platform.uri(path)).header("Authorization", "Bearer " + bearer);
    if (etag != null) {
      request.header("If-None-Match", etag);
    }
    return java.net.http.HttpClient.newHttpClient()
        .send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  static void assertNoMetadata(byte[] jpeg) throws Exception {
    Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(jpeg));
    Set<String> directories =
        StreamSupport.stream(metadata.getDirectories().spliterator(), false)
            .map(Directory::getName)
            .collect(Collectors.toSet());
    for (String leak :
        List.of("Exif IFD0", "Exif SubIFD", "GPS", "XMP", "ICC Profile", "IPTC", "JpegComment")) {
      assertFalse(directories.contains(leak), leak + " survived: " + directories);
    }
  }

  @Test
  void aPhonePhotoComesBackUprightWithoutAnyMetadata() throws Exception {
    Api.Account account = Api.register();
    String token = account.accessToken();
    Api me = new Api().bearer(token);

    Reply uploaded = upload(me, "holiday.jpg", phonePhoto(6, 1), "image/jpeg");
    assertEquals(202, uploaded.status(), uploaded::toString);
    assertEquals("PENDING", uploaded.json().getString("status"));
    JsonObject photo = awaitProcessed(me, uploaded.json().getString("id"));
    assertEquals("READY", photo.getString("status"), photo::toString);
    assertEquals(200, photo.getInt("width"), "upright: orientation 6 turns 400×200 into 200×400");
    assertEquals(400, photo.getInt("height"));

    HttpResponse<byte[]> served =
        fetch(token, "/api/v1/photos/" + photo.getString("id") + "/1080", null);
    assertEquals(200, served.statusCode());
    assertEquals("image/jpeg", served.headers().firstValue("Content-Type").orElseThrow());
    assertTrue(
        served.headers().firstValue("Cache-Control").orElseThrow().contains("max-age=31536000"));
    assertNoMetadata(served.body());
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(served.body()));
    assertEquals(200, image.getWidth());
    assertEquals(400, image.getHeight());
    Color topRight = new Color(image.getRGB(image.getWidth() - 8, 8));
    assertTrue(
        topRight.getRed() > 180 && topRight.getGreen() < 90,
        "the red corner turned to the top right: " + topRight);

    String etag = served.headers().firstValue("ETag").orElseThrow();
    assertEquals(
        304, fetch(token, "/api/v1/photos/" + photo.getString("id") + "/1080", etag).statusCode());

    Reply again = upload(me, "same.jpg", phonePhoto(6, 1), "image/jpeg");
    assertEquals(200, again.status(), "the same bytes are the same photo: " + again);
    assertEquals(photo.getString("id"), again.json().getString("id"));
  }

  @Test
  void whatIsNotAPhotoIsRefusedAtOnce() throws Exception {
    Api me = new Api().bearer(Api.register().accessToken());

    Reply text =
        upload(
            me, "cat.jpg", "definitely not a photo".getBytes(StandardCharsets.UTF_8), "image/jpeg");
    assertEquals(400, text.status(), text::toString);
    assertEquals("file", text.json().getJsonArray("errors").getJsonObject(0).getString("field"));

    byte[] bomb = SamplePhotos.pngDeclaring(50_000, 50_000);
    Reply bombed = upload(me, "bomb.png", bomb, "image/png");
    assertEquals(400, bombed.status(), bombed::toString);
    assertTrue(bombed.body().contains("megapixels"), bombed::toString);

    byte[] huge = new byte[16 * 1024 * 1024 + 100_000];
    byte[] real = phonePhoto(1, 2);
    System.arraycopy(real, 0, huge, 0, real.length);
    Reply oversized = upload(me, "huge.jpg", huge, "image/jpeg");
    assertEquals(413, oversized.status(), oversized::toString);
    assertEquals("application/problem+json", oversized.contentType());

    assertEquals(
        0, me.get("/api/v1/me/photos").structure().asJsonArray().size(), "nothing half-stored");
  }

  @Test
  void onlyTheOwnerChangesPhotosAndOnlyThoseWhoMaySeeTheProfileFetchThem() throws Exception {
    Api.Account owner = Api.registerVerified();
    String ownerToken = owner.accessToken();
    Api me = new Api().bearer(ownerToken);
    List<String> ids = new ArrayList<>();
    for (int seed = 10; seed < 12; seed++) {
      Reply reply = upload(me, "p" + seed + ".jpg", phonePhoto(1, seed), "image/jpeg");
      ids.add(awaitProcessed(me, reply.json().getString("id")).getString("id"));
    }
    Reply reordered =
        me.put(
            "/api/v1/me/photos/order",
            "{\"order\":[\"" + ids.get(1) + "\",\"" + ids.get(0) + "\"]}");
    assertEquals(200, reordered.status(), reordered::toString);
    assertEquals(
        ids.get(1),
        reordered.structure().asJsonArray().getJsonObject(0).getString("id"),
        "the primary is first");
    assertEquals(
        400,
        me.put("/api/v1/me/photos/order", "{\"order\":[\"" + ids.get(1) + "\"]}").status(),
        "each photo once");

    String strangerToken = Api.registerVerified().accessToken();
    Api stranger = new Api().bearer(strangerToken);
    assertEquals(404, stranger.delete("/api/v1/me/photos/" + ids.get(0)).status());
    assertEquals(404, stranger.get("/api/v1/me/photos/" + ids.get(0)).status());
    assertEquals(
        400,
        stranger.put("/api/v1/me/photos/order", "{\"order\":[\"" + ids.get(0) + "\"]}").status());
    assertEquals(2, me.get("/api/v1/me/photos").structure().asJsonArray().size(), "still both");

    assertEquals(
        404,
        fetch(strangerToken, "/api/v1/photos/" + ids.get(0) + "/640", null).statusCode(),
        "a profile that is not discoverable shows no photos to others");
    assertEquals(
        200, fetch(ownerToken, "/api/v1/photos/" + ids.get(0) + "/640", null).statusCode());
    ProfilesIT.discoverable(owner);
    assertEquals(
        200,
        fetch(strangerToken, "/api/v1/photos/" + ids.get(0) + "/640", null).statusCode(),
        "now the profile shows");
    assertEquals(
        List.of(ids.get(1), ids.get(0)),
        stranger
            .get("/api/v1/profiles/" + owner.id())
            .json()
            .getJsonArray("photos")
            .getValuesAs(jakarta.json.JsonString.class)
            .stream()
            .map(jakarta.json.JsonString::getString)
            .toList(),
        "the public profile lists them, primary first");

    assertEquals(204, me.delete("/api/v1/me/photos/" + ids.get(1)).status());
    JsonObject left = me.get("/api/v1/me/photos").structure().asJsonArray().getJsonObject(0);
    assertEquals(ids.get(0), left.getString("id"));
    assertEquals(0, left.getInt("position"));
    assertEquals(
        404, fetch(ownerToken, "/api/v1/photos/" + ids.get(1) + "/640", null).statusCode());
  }

  @Test
  void aBlockedPersonCannotFetchThePhotos() throws Exception {
    double[] here = People.somewhereEmpty();
    People.Person owner = People.open("woman", here[0], here[1]);
    People.Person other = People.open("man", here[0], here[1]);
    String id =
        awaitProcessed(
                owner.api(),
                upload(owner.api(), "me.jpg", phonePhoto(1, 99), "image/jpeg")
                    .json()
                    .getString("id"))
            .getString("id");
    assertEquals(200, other.api().getBytesStatus("/api/v1/photos/" + id + "/320"));
    assertEquals(
        204, owner.api().post("/api/v1/blocks", "{\"accountId\":\"" + other.id() + "\"}").status());
    assertEquals(
        404,
        other.api().getBytesStatus("/api/v1/photos/" + id + "/320"),
        "blocked: the photos are gone for them");
  }
}
