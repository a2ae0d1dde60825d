package app.dating.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dating.it.ChatIT.Pair;
import app.dating.it.People.Person;
import app.dating.it.Platform.Reply;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Photo messages: a photo uploaded for a conversation goes through the photo pipeline, is sent as a
 * PHOTO message over the socket or REST, and only the conversation's two members fetch it, while
 * their match lasts. It is no profile photo, and it goes with its owner's account.
 */
class ChatPhotosIT {

  static String path(String conversation) {
    return "/api/v1/conversations/" + conversation + "/photos";
  }

  static Reply uploadFor(Api api, String conversation, byte[] jpeg) {
    return PhotosIT.upload(api, path(conversation), "chat.jpg", jpeg, "image/jpeg");
  }

  static JsonObject awaitProcessed(Api api, String conversation, String id)
      throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(60);
    while (Instant.now().isBefore(deadline)) {
      Reply reply = api.get(path(conversation) + "/" + id);
      assertEquals(200, reply.status(), reply::toString);
      if (!reply.json().getString("status").equals("PENDING")) {
        return reply.json();
      }
      Thread.sleep(200);
    }
    throw new AssertionError("chat photo " + id + " still PENDING after 60 s");
  }

  /** A READY photo of {@code api}'s person for the conversation. */
  static String readyPhoto(Api api, String conversation, long seed) throws Exception {
    Reply uploaded = uploadFor(api, conversation, PhotosIT.phonePhoto(1, seed));
    assertEquals(202, uploaded.status(), uploaded::toString);
    JsonObject photo = awaitProcessed(api, conversation, uploaded.json().getString("id"));
    assertEquals("READY", photo.getString("status"), photo::toString);
    return photo.getString("id");
  }

  static String photoFrame(String conversation, String clientId, String photo) {
    return Json.createObjectBuilder()
        .add("type", "send")
        .add("v", 1)
        .add("conversation", conversation)
        .add("clientId", clientId)
        .add("photo", photo)
        .build()
        .toString();
  }

  @Test
  void aMemberSendsAPhotoThePeerFetchesItWithoutMetadataAndNobodyElseDoes() throws Exception {
    Pair pair = ChatIT.matched();
    Person stranger = People.open("man", 0, 0);
    Api a = pair.a().api();

    Reply uploaded = uploadFor(a, pair.conversation(), PhotosIT.phonePhoto(6, 41));
    assertEquals(202, uploaded.status(), uploaded::toString);
    assertEquals("PENDING", uploaded.json().getString("status"));
    assertEquals(pair.conversation(), uploaded.json().getString("conversation"));
    String id = uploaded.json().getString("id");
    assertTrue(
        uploaded.header("Location").endsWith(path(pair.conversation()) + "/" + id),
        uploaded::toString);
    JsonObject photo = awaitProcessed(a, pair.conversation(), id);
    assertEquals("READY", photo.getString("status"), photo::toString);
    assertEquals(
        200,
        uploadFor(a, pair.conversation(), PhotosIT.phonePhoto(6, 41)).status(),
        "the same bytes again are the same photo");
    assertEquals(
        404,
        pair.b().api().get(path(pair.conversation()) + "/" + id).status(),
        "the status is the uploader's");

    assertEquals(
        0, a.get("/api/v1/me/photos").structure().asJsonArray().size(), "no profile photo");
    assertEquals(404, a.get("/api/v1/me/photos/" + id).status(), "not managed as a profile photo");
    assertEquals(
        0,
        pair.b()
            .api()
            .get("/api/v1/profiles/" + pair.a().id())
            .json()
            .getJsonArray("photos")
            .size(),
        "never on the profile");

    try (ChatClient sender = ChatClient.bearer(pair.tokenA());
        ChatClient peer = ChatClient.bearer(pair.tokenB())) {
      sender.send(photoFrame(pair.conversation(), "p-1", id));
      assertEquals(1, sender.await("ack").getInt("seq"));
      JsonObject received = peer.await("message");
      assertEquals("PHOTO", received.getString("kind"));
      assertEquals(id, received.getString("photo"));
      assertFalse(received.containsKey("text"), received::toString);
    }

    HttpResponse<byte[]> served =
        PhotosIT.fetch(pair.tokenB(), "/api/v1/photos/" + id + "/1080", null);
    assertEquals(200, served.statusCode());
    PhotosIT.assertNoMetadata(served.body());
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(served.body()));
    assertEquals(200, image.getWidth(), "upright, as profile photos are");
    assertEquals(200, a.getBytesStatus("/api/v1/photos/" + id + "/320"), "the sender sees it too");
    assertEquals(
        404, stranger.api().getBytesStatus("/api/v1/photos/" + id + "/320"), "nobody else");

    JsonObject history =
        pair.b()
            .api()
            .get("/api/v1/conversations/" + pair.conversation() + "/messages")
            .structure()
            .asJsonArray()
            .getJsonObject(0);
    assertEquals("PHOTO", history.getString("kind"));
    assertEquals(id, history.getString("photo"));
    assertEquals(
        id,
        pair.b()
            .api()
            .get("/api/v1/conversations")
            .structure()
            .asJsonArray()
            .getJsonObject(0)
            .getJsonObject("lastMessage")
            .getString("photo"));

    assertEquals(
        204,
        pair.b()
            .api()
            .post("/api/v1/blocks", "{\"accountId\":\"" + pair.a().id() + "\"}")
            .status());
    assertEquals(
        404,
        pair.b().api().getBytesStatus("/api/v1/photos/" + id + "/320"),
        "after a block, not for the blocker");
    assertEquals(
        404,
        a.getBytesStatus("/api/v1/photos/" + id + "/320"),
        "nor for the blocked uploader: the conversation is closed");
  }

  @Test
  void onlyTheUploaderSendsAProcessedPhotoOfThatConversation() throws Exception {
    double[] here = People.somewhereEmpty();
    Person woman = People.open("woman", here[0], here[1]);
    Person man = People.open("man", here[0], here[1]);
    Person c = People.open("man", here[0], here[1]);
    Pair pair = new Pair(woman, man, People.match(woman, man));
    String other = People.match(woman, c);
    Api a = pair.a().api();
    String mine = readyPhoto(a, pair.conversation(), 51);
    String ofOtherConversation = readyPhoto(a, other, 52);
    String profilePhoto =
        PhotosIT.awaitProcessed(
                a,
                PhotosIT.upload(a, "me.jpg", PhotosIT.phonePhoto(1, 53), "image/jpeg")
                    .json()
                    .getString("id"))
            .getString("id");
    String pending = UUID.randomUUID().toString();
    try (Connection db = Database.connect();
        PreparedStatement insert =
            db.prepareStatement(
                "insert into photo (id, account_id, conversation_id, position, status, content_hash,"
                    + " created_at, updated_at) values (?::uuid, ?::uuid, ?::uuid, 0, 'PENDING', repeat('0', 64), now(), now())")) {
      insert.setString(1, pending);
      insert.setString(2, pair.a().id());
      insert.setString(3, pair.conversation());
      insert.executeUpdate();
    }

    try (ChatClient sender = ChatClient.bearer(pair.tokenA());
        ChatClient peer = ChatClient.bearer(pair.tokenB())) {
      for (String refused :
          List.of(ofOtherConversation, profilePhoto, UUID.randomUUID().toString(), "not-an-id")) {
        String frame = photoFrame(pair.conversation(), "x-" + refused.hashCode(), refused);
        if (refused.equals("not-an-id")) {
          sender.sendOutOfContract(frame); // the contract says a photo is a UUID, too
        } else {
          sender.send(frame);
        }
        JsonObject error = sender.await("error");
        assertEquals("invalid", error.getString("code"), error::toString);
        assertTrue(error.getString("detail").startsWith("photo:"), error::toString);
      }
      sender.send(photoFrame(pair.conversation(), "pending", pending));
      JsonObject notReady = sender.await("error");
      assertEquals("photo-not-ready", notReady.getString("code"), notReady::toString);
      assertEquals("pending", notReady.getString("ref"));
      sender.sendOutOfContract(
          "{\"type\":\"send\",\"conversation\":\""
              + pair.conversation()
              + "\",\"clientId\":\"both\",\"photo\":\""
              + mine
              + "\",\"text\":\"caption\"}");
      assertEquals("invalid", sender.await("error").getString("code"), "a photo comes alone");

      peer.send(photoFrame(pair.conversation(), "theirs", mine));
      assertEquals("invalid", peer.await("error").getString("code"), "only its uploader sends it");

      sender.send(photoFrame(pair.conversation(), "ok", mine));
      assertEquals(1, sender.await("ack").getInt("seq"), "nothing refused was stored");
    }

    String messages = "/api/v1/conversations/" + pair.conversation() + "/messages";
    Reply notReady = a.post(messages, "{\"clientId\":\"r-pending\",\"photo\":\"" + pending + "\"}");
    assertEquals(409, notReady.status(), notReady::toString);
    assertEquals("urn:dating:problem:photo-not-ready", notReady.json().getString("type"));
    Reply elsewhere =
        a.post(messages, "{\"clientId\":\"r-other\",\"photo\":\"" + ofOtherConversation + "\"}");
    assertEquals(400, elsewhere.status(), elsewhere::toString);
    assertEquals(
        "photo", elsewhere.json().getJsonArray("errors").getJsonObject(0).getString("field"));
    Reply sent = a.post(messages, "{\"clientId\":\"r-ok\",\"photo\":\"" + mine + "\"}");
    assertEquals(201, sent.status(), sent::toString);
    assertEquals(2, sent.json().getInt("seq"));

    assertEquals(
        1,
        a.get("/api/v1/me/photos").structure().asJsonArray().size(),
        "the profile holds its one photo, not the chat photos");
    assertEquals(
        List.of(profilePhoto),
        pair
            .b()
            .api()
            .get("/api/v1/profiles/" + pair.a().id())
            .json()
            .getJsonArray("photos")
            .getValuesAs(JsonString.class)
            .stream()
            .map(JsonString::getString)
            .toList());

    assertEquals(
        404,
        uploadFor(c.api(), pair.conversation(), PhotosIT.phonePhoto(1, 54)).status(),
        "not their conversation");
    assertEquals(204, pair.b().api().delete("/api/v1/matches/" + pair.conversation()).status());
    assertEquals(
        404,
        uploadFor(a, pair.conversation(), PhotosIT.phonePhoto(1, 55)).status(),
        "unmatched: no more uploads");
    assertEquals(
        404,
        pair.b().api().getBytesStatus("/api/v1/photos/" + mine + "/320"),
        "unmatched: the photos close with the conversation");
    assertEquals(404, a.getBytesStatus("/api/v1/photos/" + mine + "/320"));
    assertEquals(
        200,
        c.api().getBytesStatus("/api/v1/photos/" + ofOtherConversation + "/320"),
        "the other conversation is untouched");
  }

  @Test
  void badUploadsAreRefusedAtOnce() throws Exception {
    Pair pair = ChatIT.matched();
    Reply text =
        PhotosIT.upload(
            pair.a().api(),
            path(pair.conversation()),
            "x.jpg",
            "no photo".getBytes(),
            "image/jpeg");
    assertEquals(400, text.status(), text::toString);
    assertEquals("file", text.json().getJsonArray("errors").getJsonObject(0).getString("field"));
    Reply noFile =
        pair.a()
            .api()
            .postBytes(
                path(pair.conversation()),
                "multipart/form-data; boundary=b",
                "--b--\r\n".getBytes());
    assertEquals(400, noFile.status(), noFile::toString);
    Reply big = uploadFor(pair.a().api(), pair.conversation(), new byte[2 * 1024 * 1024]);
    assertEquals(
        400,
        big.status(),
        "over the JSON body limit but within the photo limit: read, then refused as no photo: "
            + big);
    assertEquals(
        404,
        uploadFor(pair.a().api(), UUID.randomUUID().toString(), PhotosIT.phonePhoto(1, 61))
            .status());
  }

  @Test
  void chatPhotosAreErasedWithTheirOwner() throws Exception {
    Pair pair = ChatIT.matched();
    String id = readyPhoto(pair.a().api(), pair.conversation(), 71);
    Reply deleted =
        pair.a().api().delete("/api/v1/me", "{\"currentPassword\":\"" + Api.PASSWORD + "\"}");
    assertEquals(204, deleted.status(), deleted::toString);
    try (Connection db = Database.connect()) {
      Instant deadline = Instant.now().plusSeconds(30);
      while (!Database.strings(db, "select id from photo where id = ?::uuid", id).isEmpty()) {
        assertTrue(Instant.now().isBefore(deadline), "erased within 30 s");
        Thread.sleep(200);
      }
    }
  }
}
