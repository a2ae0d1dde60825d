package app.dating.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dating.it.ChatIT.Pair;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A message stored while its recipient has no socket open publishes {@code MESSAGE_FOR_OFFLINE}
 * (for notifications), without its content; one for a connected recipient does not.
 *
 * <p>Events pass through the outbox table, whose rows are drained to JMS within a fraction of a
 * second. So the test watches the table: a trigger, installed in the test database for this class
 * and removed after it, copies each new outbox row into {@code it_outbox_seen} (as the test's
 * administrator: the application's role may not write there).
 */
class ChatOfflineEventsIT {

  @BeforeAll
  static void watchTheOutbox() throws Exception {
    try (Connection db = Database.connect();
        Statement sql = db.createStatement()) {
      sql.execute(
          "create table if not exists it_outbox_seen (type varchar(40) not null, payload text not null)");
      // security definer: the trigger fires for the application's role, which may not write this
      // table.
      sql.execute(
          "create or replace function it_outbox_seen() returns trigger language plpgsql security definer as"
              + " $$ begin insert into it_outbox_seen (type, payload) values (new.type, new.payload); return new; end $$");
      sql.execute("drop trigger if exists it_outbox_seen on outbox");
      sql.execute(
          "create trigger it_outbox_seen after insert on outbox for each row execute function it_outbox_seen()");
    }
  }

  @AfterAll
  static void stopWatching() throws Exception {
    try (Connection db = Database.connect();
        Statement sql = db.createStatement()) {
      sql.execute("drop trigger if exists it_outbox_seen on outbox");
      sql.execute("drop function if exists it_outbox_seen()");
      sql.execute("drop table if exists it_outbox_seen");
    }
  }

  /** The events of this type published for the conversation, as their payloads. */
  static List<JsonObject> events(String type, String conversation) throws Exception {
    try (Connection db = Database.connect()) {
      return Database.strings(
              db,
              "select payload from it_outbox_seen where type = '"
                  + type
                  + "' and payload like '%' || ? || '%'",
              conversation)
          .stream()
          .map(p -> Json.createReader(new StringReader(p)).readObject())
          .toList();
    }
  }

  static List<Integer> offlineSeqs(String conversation) throws Exception {
    return events("MESSAGE_FOR_OFFLINE", conversation).stream()
        .map(e -> e.getInt("seq"))
        .sorted()
        .toList();
  }

  @Test
  void anOfflineRecipientGetsAnEventWithoutTheMessageAndAConnectedOneDoesNot() throws Exception {
    Pair pair = ChatIT.matched();
    try (ChatClient a = ChatClient.bearer(pair.tokenA())) {
      a.say(pair.conversation(), "while-away", "a secret only b may read");
      assertEquals(1, a.await("ack").getInt("seq"));
      List<JsonObject> offline = events("MESSAGE_FOR_OFFLINE", pair.conversation());
      assertEquals(1, offline.size(), offline::toString);
      JsonObject event = offline.get(0);
      assertEquals(
          Set.of("recipient", "sender", "conversation", "seq", "kind"),
          event.keySet(),
          "who, where, which: never what");
      assertEquals(pair.b().id(), event.getString("recipient"));
      assertEquals(pair.a().id(), event.getString("sender"));
      assertEquals(pair.conversation(), event.getString("conversation"));
      assertEquals(1, event.getInt("seq"));
      assertEquals("TEXT", event.getString("kind"));
      assertFalse(event.toString().contains("secret"));

      try (ChatClient b = ChatClient.bearer(pair.tokenB())) {
        a.say(pair.conversation(), "while-here", "hello, you are online");
        assertEquals(2, a.await("ack").getInt("seq"));
        b.await(f -> "message".equals(f.getString("type")) && f.getInt("seq") == 2, "message 2");
      }
      assertEquals(List.of(1), offlineSeqs(pair.conversation()), "none for a connected recipient");

      Instant deadline = Instant.now().plusSeconds(10);
      while (pair.a()
          .api()
          .get("/api/v1/chat/presence/" + pair.b().id())
          .json()
          .getBoolean("online")) {
        assertTrue(
            Instant.now().isBefore(deadline),
            "offline once the last socket closed, not a presence TTL later");
        Thread.sleep(100);
      }
      a.say(pair.conversation(), "gone-again", "and now you left");
      assertEquals(3, a.await("ack").getInt("seq"));
      assertEquals(List.of(1, 3), offlineSeqs(pair.conversation()));
    }

    assertEquals(
        201,
        pair.b()
            .api()
            .post(
                "/api/v1/conversations/" + pair.conversation() + "/messages",
                "{\"clientId\":\"rest\",\"text\":\"over REST\"}")
            .status());
    assertEquals(
        List.of(1, 3, 4), offlineSeqs(pair.conversation()), "a REST send to someone offline too");
    assertEquals(
        pair.a().id(),
        events("MESSAGE_FOR_OFFLINE", pair.conversation()).stream()
            .filter(e -> e.getInt("seq") == 4)
            .findFirst()
            .orElseThrow()
            .getString("recipient"));
  }
}
