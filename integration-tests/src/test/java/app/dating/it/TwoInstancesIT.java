package app.dating.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dating.it.ChatIT.Pair;
import app.dating.it.Platform.Reply;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.ClientProperties;
import org.glassfish.tyrus.client.SslEngineConfigurator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two server instances on this machine, sharing the database and Redis: chat crosses from one to
 * the other in order (directly, and through Apache2's balancer), and an instance killed in the
 * middle of a conversation loses no message it acknowledged.
 */
class TwoInstancesIT {
  private static final URI SECOND = ChatClient.uri("ws://localhost:" + SecondInstance.HTTP_PORT);

  @BeforeAll
  static void startTheSecondInstance() throws Exception {
    SecondInstance.start();
  }

  @AfterAll
  static void stopTheSecondInstance() throws Exception {
    SecondInstance.stop();
  }

  @Test
  void messagesCrossInstancesInOrderToEveryDevice() throws Exception {
    Pair pair = ChatIT.matched();
    String tokenA = pair.tokenA();
    try (ChatClient a = ChatClient.bearer(tokenA);
        ChatClient aElsewhere = ChatClient.bearer(tokenA, SECOND, ChatClient.container());
        ChatClient b = ChatClient.bearer(pair.tokenB(), SECOND, ChatClient.container())) {
      for (int i = 1; i <= 20; i++) {
        a.say(pair.conversation(), "x-" + i, "from the first instance " + i);
      }
      assertDelivered(b, 1, 20, "from the first instance ");
      assertDelivered(aElsewhere, 1, 20, "from the first instance ");
      assertDelivered(a, 1, 20, "from the first instance ");

      for (int i = 1; i <= 5; i++) {
        b.say(pair.conversation(), "y-" + i, "from the second instance " + i);
      }
      assertDelivered(a, 21, 25, "from the second instance ");
    }
  }

  @Test
  void anInstanceKilledMidConversationLosesNoAcknowledgedMessage() throws Exception {
    Pair pair = ChatIT.matched();
    String tokenA = pair.tokenA();
    int count = 12;
    ChatClient a = ChatClient.bearer(tokenA, SECOND, ChatClient.container());
    for (int i = 1; i <= count; i++) {
      a.say(pair.conversation(), "k-" + i, "before the crash " + i);
    }
    JsonObject third =
        a.await(
            f -> "ack".equals(f.getString("type")) && "k-3".equals(f.getString("clientId")),
            "the third ack");
    SecondInstance.kill();
    a.closed.get(30, TimeUnit.SECONDS);
    Map<String, Integer> ackedBeforeTheCrash = new HashMap<>(Map.of("k-3", third.getInt("seq")));
    a.skipped.addAll(a.frames);
    a.skipped.stream()
        .filter(f -> "ack".equals(f.getString("type")))
        .forEach(ack -> ackedBeforeTheCrash.put(ack.getString("clientId"), ack.getInt("seq")));
    assertTrue(ackedBeforeTheCrash.size() >= 3, ackedBeforeTheCrash::toString);

    SecondInstance.start();
    Set<Integer> sequences = new TreeSet<>();
    try (ChatClient again = ChatClient.bearer(tokenA, SECOND, ChatClient.container())) {
      for (int i = 1; i <= count; i++) {
        again.say(pair.conversation(), "k-" + i, "before the crash " + i);
      }
      for (int i = 1; i <= count; i++) {
        String id = "k-" + i;
        JsonObject ack =
            again.await(
                f -> "ack".equals(f.getString("type")) && id.equals(f.getString("clientId")),
                "the ack of " + id);
        sequences.add(ack.getInt("seq"));
        if (ackedBeforeTheCrash.containsKey(id)) {
          assertEquals(ackedBeforeTheCrash.get(id), ack.getInt("seq"), "kept its number: " + ack);
          assertTrue(ack.getBoolean("duplicate"), "stored before the crash: " + ack);
        }
      }
    }
    assertEquals(
        IntStream.rangeClosed(1, count).boxed().collect(Collectors.toSet()),
        sequences,
        "no gap, no second copy");

    try (ChatClient b = ChatClient.bearer(pair.tokenB())) {
      b.send(
          Json.createObjectBuilder()
              .add("type", "sync")
              .add("conversations", Json.createObjectBuilder().add(pair.conversation(), 0))
              .build()
              .toString());
      b.await("synced");
      List<JsonObject> messages = b.messages(300);
      assertEquals(count, messages.size(), "every message once");
      for (int i = 0; i < count; i++) {
        JsonObject message = messages.get(i);
        assertEquals(i + 1, message.getInt("seq"), "in order");
        assertEquals(
            "before the crash " + message.getString("clientId").substring(2),
            message.getString("text"));
      }
    }
  }

  @Test
  void throughApachesBalancerDevicesOnBothInstancesGetEveryMessageInOrder() throws Exception {
    ApacheFront front =
        new ApacheFront(
                SecondInstance.PORT_BASE + 880,
                SecondInstance.PORT_BASE + 443,
                "127.0.0.1:" + Platform.HTTP_PORT + " 127.0.0.1:" + SecondInstance.HTTP_PORT,
                Platform.ROOT.resolve("integration-tests/target/apache2-two-instances"))
            .start();
    try {
      Pair pair = ChatIT.matched();
      String tokenA = pair.tokenA();
      String tokenB = pair.tokenB();
      ClientManager tls = ClientManager.createClient();
      tls.getProperties()
          .put(
              ClientProperties.SSL_ENGINE_CONFIGURATOR,
              new SslEngineConfigurator(front.tls(), true, false, false));
      URI chat = ChatClient.uri("wss://localhost:" + front.https());
      // The balancer takes turns, so the four handshakes alternate between the two instances.
      try (ChatClient a = ChatClient.bearer(tokenA, chat, tls);
          ChatClient b = ChatClient.bearer(tokenB, chat, tls);
          ChatClient aElsewhere = ChatClient.bearer(tokenA, chat, tls);
          ChatClient bElsewhere = ChatClient.bearer(tokenB, chat, tls)) {
        for (int i = 1; i <= 10; i++) {
          a.say(pair.conversation(), "z-" + i, "through apache " + i);
        }
        assertDelivered(b, 1, 10, "through apache ");
        assertDelivered(bElsewhere, 1, 10, "through apache ");
        assertDelivered(aElsewhere, 1, 10, "through apache ");
      }
      assertEquals(
          Set.of(
              "http://127.0.0.1:" + Platform.HTTP_PORT,
              "http://127.0.0.1:" + SecondInstance.HTTP_PORT),
          front.membersThatServed("/ws/v1/chat", 4),
          "the handshakes reached both instances");
    } finally {
      front.stop();
    }
  }

  /**
   * A master-key rotation across the two: the first instance wraps data keys with it1, the second,
   * a step ahead, with it2; its background job rewraps the conversation's key under it2, and both
   * still read the message stored before.
   */
  @Test
  void theSecondInstanceRewrapsConversationKeysUnderTheNewMasterKey() throws Exception {
    // A data key that no master key unwraps (damaged): logged and left, never holding up the
    // others.
    Pair damaged = ChatIT.matched();
    Database.update(
        "insert into conversation (match_id, data_key_id, data_key) values (?::uuid, 'it1', decode('00', 'hex'))",
        damaged.conversation());
    Pair pair = ChatIT.matched();
    Reply sent =
        pair.a()
            .api()
            .post(
                "/api/v1/conversations/" + pair.conversation() + "/messages",
                "{\"clientId\":\"before-rotation\",\"text\":\"sealed under it1\"}");
    assertTrue(sent.status() / 100 == 2, sent::toString);

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!"it2".equals(dataKeyId(pair.conversation())) && System.nanoTime() < deadline) {
      TimeUnit.MILLISECONDS.sleep(200);
    }
    assertEquals("it2", dataKeyId(pair.conversation()), "rewrapped by the second instance's job");
    assertEquals("it1", dataKeyId(damaged.conversation()), "the damaged key is left as it was");
    Database.update("delete from conversation where match_id = ?::uuid", damaged.conversation());

    String history = "/api/v1/conversations/" + pair.conversation() + "/messages?after=0";
    assertEquals(
        "sealed under it1",
        pair.b().api().get(history).structure().asJsonArray().getJsonObject(0).getString("text"));
    Reply fromTheSecond =
        Platform.send(
            HttpRequest.newBuilder(URI.create(SecondInstance.origin() + history))
                .header("Authorization", "Bearer " + pair.tokenB()));
    assertEquals(200, fromTheSecond.status(), fromTheSecond::toString);
    assertEquals(
        "sealed under it1",
        fromTheSecond.structure().asJsonArray().getJsonObject(0).getString("text"));
  }

  private static String dataKeyId(String conversation) throws Exception {
    try (Connection db = Database.connect()) {
      return Database.strings(
              db, "select data_key_id from conversation where match_id = ?::uuid", conversation)
          .stream()
          .findFirst()
          .orElse(null);
    }
  }

  /** The message frames {@code from}..{@code to}, in order, each once, with the texts sent. */
  private static void assertDelivered(ChatClient device, int from, int to, String textPrefix)
      throws Exception {
    List<JsonObject> messages = device.nextMessages(to - from + 1);
    assertEquals(
        IntStream.rangeClosed(from, to).boxed().toList(),
        messages.stream().map(m -> m.getInt("seq")).toList(),
        "in order, no gap");
    for (JsonObject message : messages) {
      String number = message.getString("clientId").substring(2);
      assertEquals(textPrefix + number, message.getString("text"));
    }
    assertEquals(List.of(), device.messages(200), "nothing twice");
  }
}
