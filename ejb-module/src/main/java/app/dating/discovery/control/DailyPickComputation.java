package app.dating.discovery.control;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One run of the daily pick for the whole population: read who takes part, build everyone's
 * preference list chunk by chunk (neighbours together, each chunk in a transaction of its own),
 * assign the picks ({@link DailyPickAssignment}: a stable matching, then one-sided picks) in
 * memory, and write them in batches. The matching is solved per connected component of mutual
 * interest, so a city is matched as a whole and no border of a chunk cuts a pair apart. Memory: the
 * lists, {@code discovery.daily-pick.list-length} ints a person.
 *
 * <p>The picks hold until the next scheduled time ({@code discovery.daily-pick.time}, UTC); a pick
 * is checked again when it is read, so nobody sees one who paused, left or blocked them since.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DailyPickComputation {
  private static final Logger LOG = Logger.getLogger(DailyPickComputation.class.getName());
  static final int CHUNK = 200;
  static final int WRITE_BATCH = 2000;
  static final Duration KEEP_EXPIRED = Duration.ofDays(7);

  @Inject DailyPickLists lists;
  @Inject DailyPickStore store;
  @Inject Clock clock;

  /** The time of day (UTC) the picks are made and the previous ones expire. */
  @Inject
  @ConfigProperty(name = "discovery.daily-pick.time", defaultValue = "03:00")
  LocalTime time;

  /** How long a preference list is: the top of each person's ranked candidates. */
  @Inject
  @ConfigProperty(name = "discovery.daily-pick.list-length", defaultValue = "30")
  int listLength;

  /** How many of the nearest candidates each person's list is ranked from. */
  @Inject
  @ConfigProperty(name = "discovery.daily-pick.candidates", defaultValue = "100")
  int candidates;

  /** Who takes part: people active in the last this many days. */
  @Inject
  @ConfigProperty(name = "discovery.daily-pick.active-days", defaultValue = "30")
  int activeDays;

  /**
   * How many chunks are built at once (each on a container thread with a connection of the pool);
   * the candidate queries are most of a run.
   */
  @Inject
  @ConfigProperty(name = "discovery.daily-pick.threads", defaultValue = "2")
  int threads;

  /** What a run did, for the log and the operators' endpoint. */
  public record Outcome(
      LocalDate day,
      Instant expiresAt,
      int people,
      int picks,
      int mutualPairs,
      int oneSided,
      int setAside,
      boolean stable,
      long listsMillis,
      long totalMillis) {}

  /** Runs now (the timer), noted in {@code daily_pick_run}; {@code by}: an admin, or null. */
  public Outcome run(UUID by) {
    UUID id = UUID.randomUUID();
    Instant started = clock.instant();
    store.started(id, started.atZone(ZoneOffset.UTC).toLocalDate(), started, by);
    return execute(id, started);
  }

  /**
   * Goes on with a run the caller noted ({@link DailyPickStore#started}) on a container thread, and
   * returns at once: a run may take longer than an HTTP request may last.
   */
  @Asynchronous
  public void start(UUID id, Instant started) {
    execute(id, started);
  }

  private Outcome execute(UUID id, Instant started) {
    try {
      Outcome outcome = compute(started, started.atZone(ZoneOffset.UTC).toLocalDate());
      store.finished(
          id,
          "DONE",
          clock.instant(),
          outcome.people(),
          outcome.picks(),
          outcome.mutualPairs(),
          outcome.oneSided(),
          outcome.setAside(),
          outcome.stable(),
          outcome.listsMillis());
      return outcome;
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Daily picks failed (run " + id + ")", e);
      store.finished(id, "FAILED", clock.instant(), 0, 0, 0, 0, 0, false, 0);
      throw e;
    }
  }

  private Outcome compute(Instant started, LocalDate day) {
    Instant expires = nextRun(started, time);
    List<UUID> people = lists.population(day.minusDays(Math.max(1, activeDays)));
    Map<UUID, Integer> index = new HashMap<>(people.size() * 2);
    for (int i = 0; i < people.size(); i++) {
      index.put(people.get(i), i);
    }
    int[][] preferences = new int[people.size()][];
    ArrayDeque<Future<Map<UUID, List<UUID>>>> building = new ArrayDeque<>();
    List<List<UUID>> chunks = DailyPickLists.chunks(people, CHUNK);
    for (int c = 0; c < chunks.size(); c++) {
      List<UUID> chunk = chunks.get(c);
      if (building.size() >= Math.max(1, threads)) {
        take(building.poll(), index, preferences);
      }
      if (c > 0 && c % 50 == 0) {
        int done = c;
        LOG.info(
            () ->
                "Daily picks: lists of "
                    + (done * CHUNK)
                    + " of "
                    + people.size()
                    + " people in "
                    + Duration.between(started, clock.instant()).toSeconds()
                    + " s");
      }
      building.add(
          lists.listsAsync(
              List.copyOf(chunk), Math.max(listLength, candidates), Math.max(1, listLength)));
    }
    while (!building.isEmpty()) {
      take(building.poll(), index, preferences);
    }
    for (int i = 0; i < preferences.length; i++) {
      if (preferences[i] == null) {
        preferences[i] = new int[0];
      }
    }
    long listsMillis = Duration.between(started, clock.instant()).toMillis();
    DailyPickAssignment.Outcome outcome = DailyPickAssignment.assign(preferences);
    List<DailyPickStore.Row> batch = new ArrayList<>();
    for (DailyPickAssignment.Pick pick : outcome.picks()) {
      batch.add(
          new DailyPickStore.Row(
              people.get(pick.person()), people.get(pick.pick()), pick.mutual(), pick.rank()));
      if (batch.size() == WRITE_BATCH) {
        store.write(batch, day, started, expires);
        batch.clear();
      }
    }
    store.write(batch, day, started, expires);
    store.finish(day, started, started.minus(KEEP_EXPIRED));
    Outcome result =
        new Outcome(
            day,
            expires,
            people.size(),
            outcome.picks().size(),
            outcome.mutualPairs(),
            outcome.oneSided(),
            outcome.setAside(),
            outcome.stable(),
            listsMillis,
            Duration.between(started, clock.instant()).toMillis());
    LOG.info(() -> "Daily picks: " + result);
    return result;
  }

  private static void take(
      Future<Map<UUID, List<UUID>>> chunk, Map<UUID, Integer> index, int[][] preferences) {
    Map<UUID, List<UUID>> built;
    try {
      built = chunk.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while building the daily-pick lists", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a chunk of daily-pick lists failed", e.getCause());
    }
    built.forEach(
        (person, list) ->
            preferences[index.get(person)] =
                list.stream()
                    .map(index::get)
                    .filter(j -> j != null)
                    .mapToInt(Integer::intValue)
                    .toArray());
  }

  /** The first time of day {@code at} (UTC) after {@code now}. */
  public static Instant nextRun(Instant now, LocalTime at) {
    ZonedDateTime today =
        now.atZone(ZoneOffset.UTC).toLocalDate().atTime(at).atZone(ZoneOffset.UTC);
    return today.toInstant().isAfter(now) ? today.toInstant() : today.plusDays(1).toInstant();
  }
}
