package app.dating.discovery.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dating.discovery.control.FeedSessions.Cursor;
import app.dating.discovery.control.FeedSessions.State;
import app.dating.shared.problem.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class FeedSessionsTest {
  private static final UUID A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
  private static final UUID B = UUID.fromString("ffffffff-ffff-ffff-ffff-fffffffffffb");
  private static final UUID C = UUID.fromString("7a1c2e9d-5b3f-4c7e-9d21-0f8e6a4b3c2d");

  private static void assertRefused(String message, Executable read) {
    InvalidInputException e = assertThrows(InvalidInputException.class, read);
    assertEquals(1, e.violations().size());
    assertEquals("cursor", e.violations().get(0).field());
    assertEquals(message, e.violations().get(0).message());
  }

  @Test
  void withoutACursorANewSessionStartsInTheSlotWhoseTurnItIs() {
    assertTrue(FeedSessions.cursor(null).isEmpty());
    Cursor first = Cursor.next(1, 5);
    Cursor second = Cursor.next(2, 5);
    assertEquals(0, first.slot());
    assertEquals(1, second.slot());
    assertNotEquals(first.token(), second.token());
    assertEquals(4, Cursor.next(5, 5).slot());
    assertEquals(0, Cursor.next(6, 5).slot(), "the sixth takes the first's place");
    assertEquals(0, Cursor.next(7, 1).slot());
    assertTrue(FeedSessions.CURSOR.matcher(first.text()).matches(), first.text());
  }

  @Test
  void aCursorTheApiGaveOutNamesItsSlotAndSession() {
    Cursor given = Cursor.next(3, 5);
    assertEquals(Optional.of(given), FeedSessions.cursor(given.text()));
    assertEquals(
        Optional.of(new Cursor(12, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123-_9")),
        FeedSessions.cursor("12.abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123-_9"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "next",
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123-_9", // no slot
        "0.abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123-_", // 42 characters
        "0.abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123-_99", // 44
        "0.abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123+/9", // base64, not base64url
        "0.abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123;;9", // the state's separators
        "0.abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123|x9",
        "0.abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123:x9", // the cache key's separator
        "0.abcdefghijklmnopqrstuvwxyzABCDEFGHIJ01 3-_9",
        "0.abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123-_\n",
        "0.abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123-_é",
        "-1.abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123-_9",
        "1000.abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123-_9",
        "x.abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123-_9",
        "00000000-0000-0000-0000-00000000000a,,,,,,,",
      })
  void aCursorTheApiCannotHaveGivenOutIsInvalidInput(String cursor) {
    assertRefused(FeedSessions.NOT_OURS, () -> FeedSessions.cursor(cursor));
  }

  @Test
  void eachSeekerHasTheirOwnSlots() {
    assertEquals("feed:" + A + ":3", FeedSessions.key(A, 3));
    assertNotEquals(FeedSessions.key(A, 3), FeedSessions.key(B, 3));
    assertNotEquals(FeedSessions.counterKey(A), FeedSessions.counterKey(B));
  }

  @Test
  void aSlotContinuesOnlyTheSessionItHolds() {
    Cursor mine = Cursor.next(1, 5);
    State state = new State(new LinkedHashSet<>(List.of(A)), new ArrayList<>(List.of(B)));
    String stored = FeedSessions.stored(mine, state);
    assertEquals(mine.token() + "|" + A + ";" + B, stored);
    State read = FeedSessions.continuing(mine, stored).orElseThrow();
    assertEquals(List.of(A), List.copyOf(read.served()));
    assertEquals(List.of(B), read.pool());
    Cursor newer = Cursor.next(6, 5);
    assertEquals(mine.slot(), newer.slot());
    assertEquals(
        Optional.empty(), FeedSessions.continuing(mine, FeedSessions.stored(newer, state)));
    assertRefused(FeedSessions.UNREADABLE, () -> FeedSessions.continuing(mine, A + ";" + B));
  }

  @Test
  void aSessionRemembersTheNewestItServedAtMost() {
    State state = State.empty();
    IntStream.range(0, FeedSessions.SERVED_MAX + 30)
        .mapToObj(i -> new UUID(i, i))
        .forEach(state.pool()::add);
    assertEquals(List.of(new UUID(0, 0), new UUID(1, 1)), state.serveNext(2));
    assertEquals(FeedSessions.SERVED_MAX + 28, state.pool().size());
    while (!state.pool().isEmpty()) {
      state.serveNext(50);
    }
    assertEquals(FeedSessions.SERVED_MAX, state.served().size());
    assertEquals(new UUID(30, 30), state.served().iterator().next(), "the oldest went");
    assertEquals(List.of(), state.serveNext(5), "nothing left to serve");
  }

  static Stream<Arguments> states() {
    List<UUID> many = IntStream.range(0, 200).mapToObj(i -> new UUID(i, -i)).toList();
    return Stream.of(
        Arguments.of(Set.of(), List.of(), ";"),
        Arguments.of(Set.of(A), List.of(), A + ";"),
        Arguments.of(Set.of(), List.of(B), ";" + B),
        Arguments.of(new LinkedHashSet<>(List.of(C, A)), List.of(B), C + "," + A + ";" + B),
        Arguments.of(Set.of(A), List.of(C, B), A + ";" + C + "," + B),
        Arguments.of(new LinkedHashSet<>(many.subList(0, 20)), many.subList(20, 200), null));
  }

  @ParameterizedTest
  @MethodSource("states")
  void aStateReadsBackAsItWasWrittenInOrder(Set<UUID> served, List<UUID> pool, String stored) {
    State state = new State(new LinkedHashSet<>(served), new ArrayList<>(pool));
    String encoded = state.encode();
    if (stored != null) {
      assertEquals(stored, encoded);
    }
    State read = State.decode(encoded);
    assertEquals(
        List.copyOf(state.served()), List.copyOf(read.served()), "served, in the order served");
    assertEquals(state.pool(), read.pool(), "the pool, in rank order");
  }

  @Test
  void aSessionNothingWasServedInYetIsEmpty() {
    assertEquals(State.decode(";"), State.empty());
    assertTrue(State.empty().served().isEmpty());
    assertTrue(State.empty().pool().isEmpty());
  }

  @Test
  void theFeedMayChangeWhatItRead() {
    State read = State.decode(A + ";" + B + "," + C);
    read.served().add(B);
    read.pool().remove(B);
    assertEquals(A + "," + B + ";" + C, read.encode());
    State empty = State.empty();
    empty.pool().add(A);
    assertEquals(";" + A, empty.encode());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "x",
        "00000000-0000-0000-0000-00000000000a", // no separator
        ";;",
        "00000000-0000-0000-0000-00000000000a;00000000-0000-0000-0000-00000000000a;",
        "not-an-id;",
        ";not-an-id",
        "00000000-0000-0000-0000-00000000000a,;",
        ",00000000-0000-0000-0000-00000000000a;",
        "00000000-0000-0000-0000-00000000000a,,ffffffff-ffff-ffff-ffff-fffffffffffb;",
        ";00000000-0000-0000-0000-00000000000a 0000",
        "{\"served\":[],\"pool\":[]}",
      })
  void aStateThatDoesNotReadAsksToStartAgainInsteadOfFailing(String stored) {
    assertRefused(FeedSessions.UNREADABLE, () -> State.decode(stored));
  }
}
