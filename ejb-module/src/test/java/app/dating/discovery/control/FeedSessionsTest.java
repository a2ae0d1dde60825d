package app.dating.discovery.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dating.discovery.control.FeedSessions.State;
import app.dating.shared.problem.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
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
  void withoutACursorANewSessionStarts() {
    String first = FeedSessions.cursor(null);
    String second = FeedSessions.cursor(null);
    assertTrue(FeedSessions.CURSOR.matcher(first).matches(), first);
    assertNotEquals(first, second);
  }

  @Test
  void aCursorTheApiGaveOutContinuesItsSession() {
    String given = FeedSessions.cursor(null);
    assertEquals(given, FeedSessions.cursor(given));
    assertEquals(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123-_9",
        FeedSessions.cursor("abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123-_9"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "next",
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123-_", // 42 characters
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123-_99", // 44
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123+/9", // base64, not base64url
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123;;9", // the state's separators
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123:x9", // the cache key's separator
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJ01 3-_9",
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123-_\n",
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123-_é",
        "00000000-0000-0000-0000-00000000000a,,,,,,,",
      })
  void aCursorTheApiCannotHaveGivenOutIsInvalidInput(String cursor) {
    assertRefused(FeedSessions.NOT_OURS, () -> FeedSessions.cursor(cursor));
  }

  @Test
  void eachSeekerHasTheirOwnSessionUnderTheSameCursor() {
    String cursor = FeedSessions.cursor(null);
    assertEquals("feed:" + A + ":" + cursor, FeedSessions.key(A, cursor));
    assertNotEquals(FeedSessions.key(A, cursor), FeedSessions.key(B, cursor));
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
