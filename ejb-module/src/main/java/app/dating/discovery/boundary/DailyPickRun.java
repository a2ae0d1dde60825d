package app.dating.discovery.boundary;

import app.dating.discovery.control.DailyPickStore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A run of the daily picks, as operators see it: RUNNING, then DONE with what it did, or FAILED
 * (the server log says why).
 *
 * @param people who took part (active, verified, discoverable, with a place)
 * @param picks who got a pick
 * @param mutualPairs pairs who are each other's pick (the stable matching)
 * @param oneSided picks of people the matching left single: their best acceptable candidate
 * @param setAside people set aside where no stable matching existed
 * @param stable whether every part of the population had a stable matching
 * @param listsMillis time spent building the preference lists (the candidate queries and ranking)
 */
public record DailyPickRun(
    UUID id,
    Status status,
    LocalDate day,
    Instant startedAt,
    Instant finishedAt,
    int people,
    int picks,
    int mutualPairs,
    int oneSided,
    int setAside,
    boolean stable,
    long listsMillis) {

  /** Where a run is. */
  public enum Status {
    RUNNING,
    DONE,
    FAILED
  }

  static DailyPickRun of(DailyPickStore.Run run) {
    return new DailyPickRun(
        run.id(),
        Status.valueOf(run.status()),
        run.day(),
        run.startedAt(),
        run.finishedAt(),
        run.people(),
        run.picks(),
        run.mutualPairs(),
        run.oneSided(),
        run.setAside(),
        run.stable(),
        run.listsMillis());
  }
}
