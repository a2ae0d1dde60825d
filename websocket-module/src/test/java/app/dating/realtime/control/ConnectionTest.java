package app.dating.realtime.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dating.chat.boundary.ChatMessage;
import app.dating.realtime.control.Connection.SyncRange;
import app.dating.shared.json.JsonP;
import app.dating.shared.problem.InvalidInputException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * One device's socket: messages in order without gaps or repeats, the credential re-check, the
 * typing throttle.
 */
class ConnectionTest {
  private static final UUID ME = UUID.randomUUID();
  private static final UUID CONVERSATION = UUID.randomUUID();
  private static final UUID OTHER = UUID.randomUUID();
  private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

  private final FakeSession socket = new FakeSession();
  private final AtomicLong nanos = new AtomicLong(1_000_000_000_000L);
  private final AtomicBoolean credentialHolds = new AtomicBoolean(true);
  private final AtomicInteger checks = new AtomicInteger();
  private final Connection connection =
      new Connection(
          socket.session,
          ME,
          () -> {
            checks.incrementAndGet();
            return credentialHolds.get();
          },
          nanos::get);

  /**
   * The conversation's stored messages 1..last, served as Chat.after would: after a number, at most
   * {@code page}.
   */
  private static Function<Long, List<ChatMessage>> stored(long last, int page, List<Long> asked) {
    return after -> {
      asked.add(after);
      return LongStream.rangeClosed(after + 1, Math.min(last, after + page))
          .mapToObj(ConnectionTest::message)
          .toList();
    };
  }

  private static ChatMessage message(long seq) {
    return new ChatMessage(
        CONVERSATION, seq, OTHER, "c-" + seq, "TEXT", "text " + seq, null, null, NOW);
  }

  private List<Long> sentSeqs() {
    return socket.sent.stream()
        .map(JsonP::readObject)
        .map(f -> f.getJsonNumber("seq").longValue())
        .toList();
  }

  @Test
  void aNewConversationIsDeliveredFromItsBeginningPageByPage() {
    List<Long> asked = new ArrayList<>();
    connection.deliverUpTo(CONVERSATION, 5, stored(5, 2, asked));
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L), sentSeqs());
    assertEquals(List.of(0L, 2L, 4L), asked, "fetches what is missing, page after page");
    assertEquals("message", JsonP.readObject(socket.sent.get(0)).getString("type"));
  }

  @Test
  void whatWasDeliveredIsNotSentAgainAndAGapIsFetchedFirst() {
    List<Long> asked = new ArrayList<>();
    connection.deliverUpTo(CONVERSATION, 2, stored(2, 10, asked));
    connection.deliverUpTo(CONVERSATION, 2, stored(2, 10, asked));
    connection.deliverUpTo(CONVERSATION, 1, stored(2, 10, asked));
    assertEquals(List.of(1L, 2L), sentSeqs(), "an announcement of what it has sends nothing");
    connection.deliverUpTo(CONVERSATION, 5, stored(5, 10, asked));
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L), sentSeqs(), "3 and 4 missed, fetched before 5");
    assertEquals(List.of(0L, 2L), asked);
  }

  @Test
  void aFetchThatRepeatsOlderMessagesSendsOnlyTheNewOnes() {
    connection.deliverUpTo(CONVERSATION, 3, stored(3, 10, new ArrayList<>()));
    connection.deliverUpTo(CONVERSATION, 4, after -> List.of(message(2), message(3), message(4)));
    assertEquals(List.of(1L, 2L, 3L, 4L), sentSeqs());
  }

  @Test
  void anEmptyFetchEndsTheDeliveryWithoutLoopingAndTheNextOneGoesOnFromThere() {
    AtomicInteger fetches = new AtomicInteger();
    connection.deliverUpTo(
        CONVERSATION,
        9,
        after -> {
          fetches.incrementAndGet();
          return after == 0 ? List.of(message(1), message(2)) : List.of();
        });
    assertEquals(2, fetches.get());
    assertEquals(List.of(1L, 2L), sentSeqs());
    List<Long> asked = new ArrayList<>();
    connection.deliverUpTo(CONVERSATION, 4, stored(4, 10, asked));
    assertEquals(List.of(2L), asked, "continues after the last one delivered, not after 9");
    assertEquals(List.of(1L, 2L, 3L, 4L), sentSeqs());
  }

  @Test
  void atConnectConversationsStartWhereTheyStandAndASyncRewinds() {
    connection.startAt(Map.of(CONVERSATION, 10L));
    List<Long> asked = new ArrayList<>();
    connection.deliverUpTo(CONVERSATION, 11, stored(11, 10, asked));
    assertEquals(List.of(11L), sentSeqs(), "older messages come with a sync only");
    assertEquals(List.of(10L), asked);

    assertEquals(
        Optional.empty(),
        connection.sync(List.of(new SyncRange(CONVERSATION, 8, 11)), 100, history(11)));
    assertEquals(List.of(11L, 9L, 10L, 11L), sentSeqs(), "the client has up to 8: 9 to 11 again");
  }

  /**
   * The history of CONVERSATION (1..last) and OTHER_CONVERSATION (1..5), as Chat.after serves it.
   */
  private static Connection.History history(long last) {
    return (conversation, after, upTo, limit) ->
        LongStream.rangeClosed(after + 1, Math.min(upTo, after + limit))
            .filter(seq -> seq <= (conversation.equals(CONVERSATION) ? last : 5))
            .mapToObj(
                seq ->
                    new ChatMessage(
                        conversation, seq, OTHER, "c-" + seq, "TEXT", "t", null, null, NOW))
            .toList();
  }

  private static final UUID OTHER_CONVERSATION = UUID.randomUUID();

  private List<String> sentMessages() {
    List<String> sent =
        socket.sent.stream()
            .map(JsonP::readObject)
            .map(
                f ->
                    (f.getString("conversation").equals(CONVERSATION.toString()) ? "a" : "b")
                        + f.getJsonNumber("seq").longValue())
            .toList();
    socket.sent.clear();
    return sent;
  }

  @Test
  void aSyncSendsAPageAtATimeAndItsCursorGoesOn() {
    List<SyncRange> ranges =
        List.of(new SyncRange(CONVERSATION, 0, 25), new SyncRange(OTHER_CONVERSATION, 3, 5));
    String first = connection.sync(ranges, 10, history(25)).orElseThrow();
    assertEquals(LongStream.rangeClosed(1, 10).mapToObj(seq -> "a" + seq).toList(), sentMessages());
    String second = connection.continueSync(first, 10, history(25)).orElseThrow();
    assertEquals(
        LongStream.rangeClosed(11, 20).mapToObj(seq -> "a" + seq).toList(), sentMessages());
    assertEquals(
        Optional.empty(), connection.continueSync(second, 10, history(25)), "done: 7 left");
    assertEquals(List.of("a21", "a22", "a23", "a24", "a25", "b4", "b5"), sentMessages());
  }

  @Test
  void aCursorContinuesOnlyTheSyncUnderWay() {
    List<SyncRange> ranges = List.of(new SyncRange(CONVERSATION, 0, 25));
    assertSyncGone(() -> connection.continueSync("1", 10, history(25)), "no sync yet");
    String old = connection.sync(ranges, 10, history(25)).orElseThrow();
    String newer = connection.sync(ranges, 10, history(25)).orElseThrow();
    assertSyncGone(() -> connection.continueSync(old, 10, history(25)), "a newer sync took over");
    assertSyncGone(() -> connection.continueSync("made-up", 10, history(25)), "made up");
    String last = connection.continueSync(newer, 10, history(25)).orElseThrow();
    assertEquals(Optional.empty(), connection.continueSync(last, 10, history(25)));
    assertSyncGone(() -> connection.continueSync(last, 10, history(25)), "finished");
  }

  private static void assertSyncGone(org.junit.jupiter.api.function.Executable call, String why) {
    InvalidInputException e = assertThrows(InvalidInputException.class, call, why);
    assertEquals("cursor", e.violations().get(0).field(), why);
  }

  @Test
  void whileASyncGoesOnLiveMessagesComeOnceFromWhereTheSyncGoes() {
    connection.startAt(Map.of(CONVERSATION, 10L));
    String cursor =
        connection.sync(List.of(new SyncRange(CONVERSATION, 0, 10)), 4, history(11)).orElseThrow();
    assertEquals(List.of("a1", "a2", "a3", "a4"), sentMessages());
    connection.deliverUpTo(CONVERSATION, 11, stored(11, 10, new ArrayList<>()));
    assertEquals(List.of(11L), sentSeqs(), "the live message only, not the sync's next pages");
    socket.sent.clear();
    cursor = connection.continueSync(cursor, 4, history(11)).orElseThrow();
    assertEquals(List.of("a5", "a6", "a7", "a8"), sentMessages());
    assertEquals(Optional.empty(), connection.continueSync(cursor, 4, history(11)));
    assertEquals(List.of("a9", "a10"), sentMessages(), "up to where the sync began, not 11 again");
  }

  @Test
  void aConversationThatEndsDuringASyncIsLeftAndNothingEmptyIsPlanned() {
    Connection.History gone = (conversation, after, upTo, limit) -> List.of();
    assertEquals(
        Optional.empty(),
        connection.sync(
            List.of(new SyncRange(CONVERSATION, 0, 30), new SyncRange(OTHER_CONVERSATION, 5, 5)),
            10,
            gone));
    assertTrue(socket.sent.isEmpty());
  }

  @Test
  void conversationsAreTrackedApart() {
    UUID other = UUID.randomUUID();
    connection.startAt(Map.of(CONVERSATION, 3L));
    List<Long> asked = new ArrayList<>();
    connection.deliverUpTo(
        other,
        1,
        after -> {
          asked.add(after);
          return List.of(new ChatMessage(other, 1, OTHER, "o-1", "TEXT", "x", null, null, NOW));
        });
    assertEquals(List.of(0L), asked);
    assertEquals(1, socket.sent.size());
  }

  @Test
  void theCredentialIsAskedAtMostOnceASecondWhileItHolds() {
    assertTrue(connection.isSignedIn());
    assertEquals(1, checks.get(), "the first frame asks");
    nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(999));
    assertTrue(connection.isSignedIn());
    assertEquals(1, checks.get(), "within a second: remembered");
    nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(1));
    credentialHolds.set(false);
    assertFalse(connection.isSignedIn(), "a second later it asks again and hears no");
    assertEquals(2, checks.get());
    assertFalse(connection.isSignedIn());
    assertEquals(3, checks.get(), "a no is not remembered: asked every time");
  }

  @Test
  void aNewConnectionAsksAtOnceEvenIfTheClockIsNearItsStart() {
    AtomicInteger asked = new AtomicInteger();
    Connection fresh =
        new Connection(
            new FakeSession().session,
            ME,
            () -> {
              asked.incrementAndGet();
              return true;
            },
            () -> 5L);
    assertTrue(fresh.isSignedIn());
    assertEquals(1, asked.get());
  }

  @Test
  void typingIsPassedOnAtMostOnceEveryGapPerConversation() {
    UUID other = UUID.randomUUID();
    assertTrue(connection.mayTyping(CONVERSATION, NOW, 3000));
    assertFalse(connection.mayTyping(CONVERSATION, NOW.plusMillis(2999), 3000));
    assertTrue(connection.mayTyping(other, NOW.plusMillis(2999), 3000), "another conversation");
    assertTrue(connection.mayTyping(CONVERSATION, NOW.plusMillis(3000), 3000));
    assertFalse(
        connection.mayTyping(CONVERSATION, NOW.plusMillis(5999), 3000),
        "the gap runs from the last one passed on");
  }

  @Test
  void aClosedSocketIsNotWrittenToNorPinged() {
    socket.open = false;
    connection.send("{}");
    connection.ping();
    assertEquals(List.of(), socket.sent);
    assertEquals(0, socket.pings);
  }

  @Test
  void pingAndSignOut() {
    connection.ping();
    assertEquals(1, socket.pings);
    connection.signOut();
    assertEquals(Connection.SIGNED_OUT, socket.closeCode());
    assertEquals(4401, Connection.SIGNED_OUT);
  }
}
