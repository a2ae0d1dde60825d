package app.dating.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dating.it.People.Person;
import app.dating.it.Platform.Reply;
import jakarta.json.JsonObject;
import jakarta.websocket.CloseReason;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Chat over real WebSocket clients (Tyrus): delivery, resends, sync, refusals, bad frames,
 * receipts, presence.
 */
class ChatIT {

  /** Two matched people and their conversation's id. */
  record Pair(Person a, Person b, String conversation) {
    String tokenA() {
      return a.api().login(a.email(), Api.PASSWORD).getString("accessToken");
    }

    String tokenB() {
      return b.api().login(b.email(), Api.PASSWORD).getString("accessToken");
    }
  }

  static Pair matched() {
    double[] here = People.somewhereEmpty();
    Person a = People.open("woman", here[0], here[1]);
    Person b = People.open("man", here[0], here[1]);
    return new Pair(a, b, People.match(a, b));
  }

  @Test
  void twoPeopleChatWithReceiptsAndTheBodyIsEncryptedAtRest() throws Exception {
    Pair pair = matched();
    try (ChatClient a = ChatClient.bearer(pair.tokenA());
        ChatClient b = ChatClient.bearer(pair.tokenB())) {
      a.say(pair.conversation(), "m-1", "Hi! Coffee on Saturday?");
      JsonObject ack = a.await("ack");
      assertEquals(1, ack.getInt("seq"));
      assertFalse(ack.getBoolean("duplicate"));

      JsonObject received = b.await("message");
      assertEquals("Hi! Coffee on Saturday?", received.getString("text"));
      assertEquals(1, received.getInt("seq"));
      assertEquals(pair.a().id(), received.getString("sender"));

      b.send("{\"type\":\"typing\",\"conversation\":\"" + pair.conversation() + "\"}");
      assertEquals(pair.b().id(), a.await("typing").getString("from"));

      b.send("{\"type\":\"read\",\"conversation\":\"" + pair.conversation() + "\",\"upTo\":1}");
      JsonObject read = a.await("read");
      assertEquals(1, read.getInt("upTo"));
      assertEquals(pair.b().id(), read.getString("by"));
    }
    JsonObject conversation =
        pair.b().api().get("/api/v1/conversations").structure().asJsonArray().getJsonObject(0);
    assertEquals(0, conversation.getInt("unread"));
    assertEquals(pair.a().id(), conversation.getString("personId"));
    assertEquals("P30w", conversation.getString("displayName"));
    assertEquals(
        "Hi! Coffee on Saturday?", conversation.getJsonObject("lastMessage").getString("text"));

    try (Connection db = Database.connect();
        PreparedStatement query =
            db.prepareStatement("select body from message where conversation_id = ?::uuid")) {
      query.setString(1, pair.conversation());
      try (ResultSet rows = query.executeQuery()) {
        assertTrue(rows.next());
        String stored = new String(rows.getBytes(1), StandardCharsets.ISO_8859_1);
        assertFalse(stored.contains("Coffee"), "encrypted at rest");
      }
    }
  }

  @Test
  void aResendAfterAKilledSocketIsNoDuplicateAndSyncLeavesNoGap() throws Exception {
    Pair pair = matched();
    String tokenA = pair.tokenA();
    ChatClient a = ChatClient.bearer(tokenA);
    for (int i = 1; i <= 5; i++) {
      a.say(pair.conversation(), "c-" + i, "message " + i);
    }
    a.await(
        f -> "ack".equals(f.getString("type")) && f.getString("clientId").equals("c-3"),
        "the third ack");
    a.session.close(new CloseReason(CloseReason.CloseCodes.CLOSED_ABNORMALLY, "killed"));

    try (ChatClient again = ChatClient.bearer(tokenA)) {
      for (int i = 1; i <= 6; i++) {
        again.say(pair.conversation(), "c-" + i, "message " + i);
      }
      for (int i = 1; i <= 6; i++) {
        String id = "c-" + i;
        JsonObject ack =
            again.await(
                f -> "ack".equals(f.getString("type")) && f.getString("clientId").equals(id),
                "the ack of " + id);
        assertEquals(i, ack.getInt("seq"), "the same number as before: " + ack);
        if (i <= 3) {
          assertTrue(ack.getBoolean("duplicate"), "acknowledged before, so stored: " + ack);
        } else if (i == 6) {
          assertFalse(ack.getBoolean("duplicate"), "new: " + ack);
        }
      }
    }
    try (ChatClient b = ChatClient.bearer(pair.tokenB())) {
      b.send("{\"type\":\"sync\",\"conversations\":{\"" + pair.conversation() + "\":2}}");
      b.await("synced");
      List<JsonObject> missed = b.messages(300);
      assertEquals(
          List.of(3, 4, 5, 6),
          missed.stream().map(m -> m.getInt("seq")).toList(),
          "in order, no gap, no duplicate");
    }
    List<JsonObject> stored =
        pair.a()
            .api()
            .get("/api/v1/conversations/" + pair.conversation() + "/messages?after=0")
            .structure()
            .asJsonArray()
            .getValuesAs(JsonObject.class);
    assertEquals(6, stored.size(), "six messages, not more");
  }

  @Test
  void onlyActiveMatchesWriteAndBadFramesAreAnsweredWhileTheSocketLives() throws Exception {
    Pair pair = matched();
    try (ChatClient a = ChatClient.bearer(pair.tokenA())) {
      a.sendOutOfContract("not json");
      assertEquals("malformed", a.await("error").getString("code"));
      a.sendOutOfContract("{\"type\":\"dance\"}");
      assertEquals("unknown-type", a.await("error").getString("code"));
      a.sendOutOfContract("{\"type\":\"send\",\"text\":\"" + "x".repeat(70_000) + "\"}");
      assertEquals("too-large", a.await("error").getString("code"));
      a.sendOutOfContract(
          "{\"type\":\"send\",\"conversation\":\""
              + pair.conversation()
              + "\",\"clientId\":\"long\",\"text\":\""
              + "x".repeat(4001)
              + "\"}");
      JsonObject tooLong = a.await("error");
      assertEquals("invalid", tooLong.getString("code"));
      assertEquals("long", tooLong.getString("ref"));

      Person stranger = People.open("man", 0, 0);
      a.send(
          "{\"type\":\"send\",\"conversation\":\""
              + pair.conversation()
              + "\",\"clientId\":\"ok\",\"text\":\"still here\"}");
      assertEquals(1, a.await("ack").getInt("seq"));

      assertEquals(204, pair.b().api().delete("/api/v1/matches/" + pair.conversation()).status());
      a.say(pair.conversation(), "after-unmatch", "hello?");
      JsonObject refused = a.await("error");
      assertEquals("not-found", refused.getString("code"), refused::toString);
      assertEquals("after-unmatch", refused.getString("ref"));
      a.send("{\"type\":\"ping\"}");
      a.await("pong");
      assertTrue(a.session.isOpen());
      assertEquals(
          404,
          stranger
              .api()
              .get("/api/v1/conversations/" + pair.conversation() + "/messages")
              .status());
    }
  }

  @Test
  void aBlockedPersonCannotWrite() throws Exception {
    Pair pair = matched();
    assertEquals(
        204,
        pair.a()
            .api()
            .post("/api/v1/blocks", "{\"accountId\":\"" + pair.b().id() + "\"}")
            .status());
    try (ChatClient b = ChatClient.bearer(pair.tokenB())) {
      b.say(pair.conversation(), "x", "are you there?");
      assertEquals("not-found", b.await("error").getString("code"));
    }
    Reply rest =
        pair.b()
            .api()
            .post(
                "/api/v1/conversations/" + pair.conversation() + "/messages",
                "{\"clientId\":\"y\",\"text\":\"hi\"}");
    assertEquals(404, rest.status(), rest::toString);
  }

  @Test
  void signingIn() throws Exception {
    Pair pair = matched();
    try (ChatClient late = ChatClient.anonymous()) {
      CloseReason reason = late.closed.get(10, TimeUnit.SECONDS);
      assertEquals(4401, reason.getCloseCode().getCode(), "no credentials in time: " + reason);
    }
    try (ChatClient forged = ChatClient.anonymous()) {
      forged.send("{\"type\":\"auth\",\"token\":\"eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.\"}");
      assertEquals(4401, forged.closed.get(10, TimeUnit.SECONDS).getCloseCode().getCode());
    }
    try (ChatClient framed = ChatClient.anonymous()) {
      framed.sendOutOfContract("{\"type\":\"send\"}");
      assertEquals("unauthenticated", framed.await("error").getString("code"));
      framed.send("{\"type\":\"auth\",\"token\":\"" + pair.tokenA() + "\"}");
      assertEquals(pair.a().id(), framed.await("ready").getString("account"));
    }

    Api browser = new Api();
    Reply session =
        browser.post(
            "/api/v1/auth/session",
            "{\"email\":\"" + pair.a().email() + "\",\"password\":\"" + Api.PASSWORD + "\"}");
    String cookie = session.header("Set-Cookie").split(";")[0];
    try (ChatClient evil =
        ChatClient.withHeaders(Map.of("Cookie", cookie, "Origin", "https://evil.example"))) {
      assertEquals(
          4403,
          evil.closed.get(10, TimeUnit.SECONDS).getCloseCode().getCode(),
          "cookie sessions only from our origins");
    }
    try (ChatClient ours =
        ChatClient.withHeaders(
            Map.of("Cookie", cookie, "Origin", "http://localhost:" + Platform.HTTP_PORT))) {
      assertEquals(pair.a().id(), ours.await("ready").getString("account"));
      // The heartbeat (every 2 s here) checks the session without counting as activity: an open
      // socket alone does not keep a browser session from its idle timeout.
      // (Activity is recorded at most every 5 minutes, so the session is made to look 10 minutes
      // idle.)
      Object seen = webSessionIdleTenMinutes(pair.a().id());
      TimeUnit.MILLISECONDS.sleep(4_500);
      assertEquals(
          seen,
          webSessionLastSeen(pair.a().id()),
          "two heartbeats later, the session was not touched");
      Reply out =
          browser
              .cookie(cookie, session.json().getString("csrfToken"))
              .delete("/api/v1/auth/session");
      assertEquals(204, out.status(), out::toString);
      // The socket sends nothing: the heartbeat finds the browser session ended.
      assertEquals(
          4401,
          ours.closed.get(10, TimeUnit.SECONDS).getCloseCode().getCode(),
          "a browser session signed out closes its socket");
    }

    String token = pair.tokenA();
    try (ChatClient a = ChatClient.bearer(token)) {
      assertEquals(
          204, new Api().bearer(token).post("/api/v1/auth/logout-everywhere", "").status());
      // The socket sends nothing: the server's heartbeat (every 2 s here) finds the token revoked.
      assertEquals(
          4401,
          a.closed.get(10, TimeUnit.SECONDS).getCloseCode().getCode(),
          "a revoked session closes the socket");
    }
  }

  private static Object webSessionIdleTenMinutes(String account) throws Exception {
    try (Connection db = Database.connect();
        PreparedStatement update =
            db.prepareStatement(
                "update web_session set last_seen_at = now() - interval '10 minutes' where account_id = ?::uuid and revoked_at is null")) {
      update.setString(1, account);
      assertEquals(1, update.executeUpdate(), "one live browser session");
    }
    return webSessionLastSeen(account);
  }

  private static Object webSessionLastSeen(String account) throws Exception {
    try (Connection db = Database.connect();
        PreparedStatement query =
            db.prepareStatement(
                "select last_seen_at from web_session where account_id = ?::uuid and revoked_at is null")) {
      query.setString(1, account);
      try (ResultSet row = query.executeQuery()) {
        assertTrue(row.next(), "a live browser session");
        return row.getObject(1);
      }
    }
  }

  @Test
  void restSendsReachSocketsAndHistoryPagesBothWays() throws Exception {
    Pair pair = matched();
    try (ChatClient b = ChatClient.bearer(pair.tokenB())) {
      for (int i = 1; i <= 7; i++) {
        Reply sent =
            pair.a()
                .api()
                .post(
                    "/api/v1/conversations/" + pair.conversation() + "/messages",
                    "{\"clientId\":\"r-" + i + "\",\"text\":\"rest " + i + "\"}");
        assertEquals(201, sent.status(), sent::toString);
      }
      assertEquals(
          200,
          pair.a()
              .api()
              .post(
                  "/api/v1/conversations/" + pair.conversation() + "/messages",
                  "{\"clientId\":\"r-7\",\"text\":\"rest 7\"}")
              .status(),
          "a resend is the same message");
      b.await(f -> "message".equals(f.getString("type")) && f.getInt("seq") == 7, "message 7");
      List<Integer> seqs =
          new java.util.ArrayList<>(
              b.skipped.stream()
                  .filter(f -> "message".equals(f.getString("type")))
                  .map(f -> f.getInt("seq"))
                  .toList());
      seqs.add(7);
      assertEquals(List.of(1, 2, 3, 4, 5, 6, 7), seqs, "in order");
    }
    Api a = pair.a().api();
    assertEquals(
        List.of(7, 6, 5),
        seqs(a.get("/api/v1/conversations/" + pair.conversation() + "/messages?limit=3")));
    assertEquals(
        List.of(4, 3, 2),
        seqs(a.get("/api/v1/conversations/" + pair.conversation() + "/messages?before=5&limit=3")));
    assertEquals(
        List.of(3, 4),
        seqs(a.get("/api/v1/conversations/" + pair.conversation() + "/messages?after=2&limit=2")));
    assertEquals(
        7,
        pair.b()
            .api()
            .get("/api/v1/conversations")
            .structure()
            .asJsonArray()
            .getJsonObject(0)
            .getInt("unread"));
  }

  @Test
  void sendersOnSeveralDevicesAtOnceGetGapFreeNumbersInTheirOrderAndOneResendIsOneMessage()
      throws Exception {
    Pair pair = matched();
    String tokenA = pair.tokenA();
    String tokenB = pair.tokenB();
    int devices = 3;
    int each = 8;
    List<ChatClient> senders = new ArrayList<>();
    ExecutorService threads = Executors.newFixedThreadPool(2 * devices);
    try (ChatClient reader = ChatClient.bearer(tokenB)) {
      for (int i = 0; i < devices; i++) {
        senders.add(ChatClient.bearer(tokenA));
        senders.add(ChatClient.bearer(tokenB));
      }
      // Every device sends as fast as its acks come: the writer stores messages of several at once.
      List<Future<List<Integer>>> acks = new ArrayList<>();
      for (int d = 0; d < senders.size(); d++) {
        ChatClient device = senders.get(d);
        String prefix = "d" + d + "-";
        acks.add(
            threads.submit(
                () -> {
                  List<Integer> seqs = new ArrayList<>();
                  for (int m = 0; m < each; m++) {
                    device.say(pair.conversation(), prefix + m, prefix + m);
                    seqs.add(device.await("ack").getInt("seq"));
                  }
                  return seqs;
                }));
      }
      List<Integer> all = new ArrayList<>();
      for (Future<List<Integer>> device : acks) {
        List<Integer> seqs = device.get(60, TimeUnit.SECONDS);
        assertEquals(
            seqs.stream().sorted().toList(),
            seqs,
            "a device's messages are numbered in the order it sent them");
        all.addAll(seqs);
      }
      int total = senders.size() * each;
      assertEquals(
          IntStream.rangeClosed(1, total).boxed().toList(),
          all.stream().sorted().toList(),
          "each number once, none missing");
      List<JsonObject> read = reader.nextMessages(total);
      assertEquals(
          IntStream.rangeClosed(1, total).boxed().toList(),
          read.stream().map(f -> f.getInt("seq")).toList(),
          "in order");
      read.forEach(f -> assertEquals(f.getString("clientId"), f.getString("text")));

      // The same message from two devices at the same moment (a resend racing the original): stored
      // once.
      senders.get(0).say(pair.conversation(), "twice", "once only");
      senders.get(2).say(pair.conversation(), "twice", "once only");
      JsonObject first = senders.get(0).await("ack");
      JsonObject second = senders.get(2).await("ack");
      assertEquals(total + 1, first.getInt("seq"));
      assertEquals(total + 1, second.getInt("seq"));
      assertEquals(
          1,
          (first.getBoolean("duplicate") ? 1 : 0) + (second.getBoolean("duplicate") ? 1 : 0),
          first + " " + second);
      assertEquals(
          List.of(total + 1), reader.messages(1000).stream().map(f -> f.getInt("seq")).toList());
    } finally {
      threads.shutdownNow();
      for (ChatClient device : senders) {
        device.close();
      }
    }
  }

  @Test
  void whatSomeoneSendsCountsAsReadByThem() throws Exception {
    Pair pair = matched();
    try (ChatClient a = ChatClient.bearer(pair.tokenA());
        ChatClient b = ChatClient.bearer(pair.tokenB())) {
      a.say(pair.conversation(), "s-1", "one");
      assertEquals(1, a.await("ack").getInt("seq"));
      a.say(pair.conversation(), "s-2", "two");
      assertEquals(2, a.await("ack").getInt("seq"));
      b.say(pair.conversation(), "s-3", "three");
      assertEquals(3, b.await("ack").getInt("seq"));
    }
    JsonObject ofB =
        pair.b().api().get("/api/v1/conversations").structure().asJsonArray().getJsonObject(0);
    assertEquals(0, ofB.getInt("unread"), "b answered, so b has read up to the answer: " + ofB);
    assertEquals(3, ofB.getInt("readUpTo"));
    assertEquals(2, ofB.getInt("peerReadUpTo"), "a has read what a wrote");
    JsonObject ofA =
        pair.a().api().get("/api/v1/conversations").structure().asJsonArray().getJsonObject(0);
    assertEquals(1, ofA.getInt("unread"), ofA::toString);
    assertEquals(2, ofA.getInt("readUpTo"));
    assertEquals(3, ofA.getInt("peerReadUpTo"));
  }

  @Test
  void presenceForMatchesUnlessHidden() throws Exception {
    Pair pair = matched();
    try (ChatClient b = ChatClient.bearer(pair.tokenB())) {
      JsonObject seen = pair.a().api().get("/api/v1/chat/presence/" + pair.b().id()).json();
      assertTrue(seen.getBoolean("online"), seen::toString);
      assertEquals(
          200, pair.b().api().put("/api/v1/chat/settings", "{\"hidePresence\":true}").status());
      JsonObject hidden = pair.a().api().get("/api/v1/chat/presence/" + pair.b().id()).json();
      assertFalse(hidden.containsKey("online") && !hidden.isNull("online"), hidden::toString);
    }
    Person stranger = People.open("man", 0, 0);
    assertEquals(404, stranger.api().get("/api/v1/chat/presence/" + pair.b().id()).status());
  }

  /**
   * Every kind of frame has a budget per socket (a token bucket each): beyond it, the frame is
   * answered with {@code rate-limited} and {@code retryAfter}, and the socket stays open. Refused
   * sends name their message. (The defaults: CHAT_FRAMES_PER_MINUTE; sends follow
   * CHAT_SENDS_PER_30S.)
   */
  @Test
  void everyKindOfFrameHasABudgetPerSocket() throws Exception {
    Pair pair = matched();
    String c = pair.conversation();
    try (ChatClient a = ChatClient.bearer(pair.tokenA())) {
      a.say(c, "m-1", "hello");
      a.await("ack");
      List<Map.Entry<String, String>> frames =
          List.of(
              Map.entry("typing", "{\"type\":\"typing\",\"conversation\":\"" + c + "\"}"),
              Map.entry("read", "{\"type\":\"read\",\"conversation\":\"" + c + "\",\"upTo\":1}"),
              Map.entry(
                  "delivered",
                  "{\"type\":\"delivered\",\"conversation\":\"" + c + "\",\"upTo\":1}"),
              Map.entry("sync", "{\"type\":\"sync\",\"conversations\":{\"" + c + "\":1}}"),
              Map.entry("ping", "{\"type\":\"ping\"}"));
      for (Map.Entry<String, String> kind : frames) {
        for (int i = 0; i < 150; i++) {
          a.send(kind.getValue());
        }
        JsonObject refused =
            a.await(
                f ->
                    "error".equals(f.getString("type"))
                        && "rate-limited".equals(f.getString("code"))
                        && f.getString("detail").contains(" " + kind.getKey() + " frames"),
                "a rate-limited error for " + kind.getKey() + " frames");
        assertTrue(refused.getInt("retryAfter") >= 1, refused::toString);
        a.skipped.clear();
      }
      // Sends that fail validation never reach the account's message limit; they have a budget too.
      String tooLong = "x".repeat(4001);
      for (int i = 0; i < 100; i++) {
        a.sendOutOfContract(
            "{\"type\":\"send\",\"conversation\":\""
                + c
                + "\",\"clientId\":\"bad-"
                + i
                + "\",\"text\":\""
                + tooLong
                + "\"}");
      }
      JsonObject refused =
          a.await(
              f ->
                  "error".equals(f.getString("type"))
                      && "rate-limited".equals(f.getString("code"))
                      && f.getString("detail").contains(" send frames"),
              "a rate-limited error for sends");
      assertTrue(refused.getString("ref").startsWith("bad-"), refused::toString);
      assertTrue(a.session.isOpen());
    }
  }

  /**
   * A sync sends at most a page of messages (CHAT_SYNC_PAGE_MESSAGES, 20 in this module's pom),
   * then {@code synced} with {@code next}; a sync with that {@code cursor} sends the next page.
   */
  @Test
  void aSyncSendsAPageAtATimeAndContinuesWithItsCursor() throws Exception {
    Pair pair = matched();
    for (int i = 1; i <= 25; i++) {
      Reply sent =
          pair.a()
              .api()
              .post(
                  "/api/v1/conversations/" + pair.conversation() + "/messages",
                  "{\"clientId\":\"p-" + i + "\",\"text\":\"page " + i + "\"}");
      assertEquals(201, sent.status(), sent::toString);
    }
    try (ChatClient b = ChatClient.bearer(pair.tokenB())) {
      b.send("{\"type\":\"sync\",\"conversations\":{\"" + pair.conversation() + "\":0}}");
      JsonObject first = b.await("synced");
      assertEquals(
          IntStream.rangeClosed(1, 20).boxed().toList(),
          b.messages(300).stream().map(m -> m.getInt("seq")).toList(),
          "the first page");
      assertTrue(first.containsKey("next"), "more to come: " + first);

      b.send("{\"type\":\"sync\",\"cursor\":\"made-up\"}");
      JsonObject wrong = b.await("error");
      assertEquals("invalid", wrong.getString("code"), wrong::toString);
      assertTrue(wrong.getString("detail").startsWith("cursor"), wrong::toString);

      b.send("{\"type\":\"sync\",\"cursor\":\"" + first.getString("next") + "\"}");
      JsonObject last = b.await("synced");
      assertEquals(
          List.of(21, 22, 23, 24, 25),
          b.messages(300).stream().map(m -> m.getInt("seq")).toList(),
          "the rest");
      assertFalse(last.containsKey("next"), "done: " + last);
    }
  }

  /** An account holds at most 10 sockets (CHAT_SOCKETS_PER_ACCOUNT): the next closes with 4429. */
  @Test
  void anAccountHoldsABoundedNumberOfSockets() throws Exception {
    Pair pair = matched();
    String token = pair.tokenA();
    String address =
        "198.51.100." + java.util.concurrent.ThreadLocalRandom.current().nextInt(1, 255);
    List<ChatClient> open = new ArrayList<>();
    try {
      for (int i = 0; i < 10; i++) {
        ChatClient socket = ChatClient.opening(token, address);
        open.add(socket);
        socket.await("ready");
      }
      ChatClient eleventh = ChatClient.opening(token, address);
      open.add(eleventh);
      assertEquals(4429, eleventh.closed.get(10, TimeUnit.SECONDS).getCloseCode().getCode());
      try (ChatClient b = ChatClient.bearer(pair.tokenB())) {
        assertTrue(b.session.isOpen(), "another account is not concerned");
      }
    } finally {
      for (ChatClient socket : open) {
        socket.close();
      }
    }
  }

  /**
   * One client address holds a bounded number of sockets (CHAT_SOCKETS_PER_ADDRESS, 20 in this
   * module's pom): the next closes with 4429, and one closed makes room again.
   */
  @Test
  void anAddressHoldsABoundedNumberOfSockets() throws Exception {
    Pair pair = matched();
    String address =
        "198.51.100." + java.util.concurrent.ThreadLocalRandom.current().nextInt(1, 255);
    List<ChatClient> open = new ArrayList<>();
    try {
      for (String token : List.of(pair.tokenA(), pair.tokenB())) {
        for (int i = 0; i < 10; i++) {
          ChatClient socket = ChatClient.opening(token, address);
          open.add(socket);
          socket.await("ready");
        }
      }
      ChatClient over = ChatClient.opening(pair.tokenA(), address);
      assertEquals(4429, over.closed.get(10, TimeUnit.SECONDS).getCloseCode().getCode());
      over.close();

      open.remove(0).close();
      ChatClient again = null;
      for (int attempt = 0; attempt < 20 && again == null; attempt++) {
        // The server notes a close asynchronously: a socket refused closes at once, one let in
        // stays.
        ChatClient socket = ChatClient.opening(pair.tokenA(), address);
        try {
          socket.closed.get(1, TimeUnit.SECONDS);
          socket.close();
        } catch (java.util.concurrent.TimeoutException stillOpen) {
          socket.await("ready");
          again = socket;
        }
      }
      assertTrue(again != null, "room again once a socket closed");
      open.add(again);
    } finally {
      for (ChatClient socket : open) {
        socket.close();
      }
    }
  }

  private static List<Integer> seqs(Reply reply) {
    assertEquals(200, reply.status(), reply::toString);
    return reply.structure().asJsonArray().getValuesAs(JsonObject.class).stream()
        .map(m -> m.getInt("seq"))
        .toList();
  }
}
