package app.dating.discovery.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DailyPickAssignmentTest {

  private static Map<Integer, DailyPickAssignment.Pick> byPerson(DailyPickAssignment.Outcome o) {
    Map<Integer, DailyPickAssignment.Pick> picks = new HashMap<>();
    o.picks().forEach(p -> picks.put(p.person(), p));
    return picks;
  }

  /**
   * A woman (0) both men (1 near, 2 farther) want; she ranks the near one first. She and 1 are each
   * other's pick; 2 is left single and still gets a pick: his best, one-sided.
   */
  @Test
  void mutualWherePossibleOneSidedForTheRest() {
    int[][] lists = {{1, 2}, {0}, {0}};
    DailyPickAssignment.Outcome outcome = DailyPickAssignment.assign(lists);
    Map<Integer, DailyPickAssignment.Pick> picks = byPerson(outcome);
    assertEquals(new DailyPickAssignment.Pick(0, 1, true, 0), picks.get(0));
    assertEquals(new DailyPickAssignment.Pick(1, 0, true, 0), picks.get(1));
    assertEquals(new DailyPickAssignment.Pick(2, 0, false, 0), picks.get(2));
    assertEquals(1, outcome.mutualPairs());
    assertEquals(1, outcome.oneSided());
  }

  /** A single person's one-sided pick prefers someone who would accept them back. */
  @Test
  void aOneSidedPickPrefersSomeoneWhoListsThemBack() {
    // 0 and 1 pair (each other's first); 2 lists 3 first (who does not list 2) then 0 (who does)
    int[][] lists = {{1, 2}, {0}, {3, 0}, {4}, {3}};
    Map<Integer, DailyPickAssignment.Pick> picks = byPerson(DailyPickAssignment.assign(lists));
    assertEquals(new DailyPickAssignment.Pick(2, 0, false, 1), picks.get(2));
    assertTrue(picks.get(3).mutual());
  }

  @Test
  void someoneWithAnEmptyListGetsNoPick() {
    int[][] lists = {{1}, {0}, {}};
    Map<Integer, DailyPickAssignment.Pick> picks = byPerson(DailyPickAssignment.assign(lists));
    assertFalse(picks.containsKey(2));
    assertEquals(2, picks.size());
  }

  @Test
  void picksExpireAtTheNextScheduledTime() {
    LocalTime three = LocalTime.of(3, 0);
    assertEquals(
        Instant.parse("2026-12-05T03:00:00Z"),
        DailyPickComputation.nextRun(Instant.parse("2026-12-05T01:00:00Z"), three));
    assertEquals(
        Instant.parse("2026-12-06T03:00:00Z"),
        DailyPickComputation.nextRun(Instant.parse("2026-12-05T03:00:00Z"), three));
    assertEquals(
        Instant.parse("2026-12-06T03:00:00Z"),
        DailyPickComputation.nextRun(Instant.parse("2026-12-05T17:30:00Z"), three));
  }
}
