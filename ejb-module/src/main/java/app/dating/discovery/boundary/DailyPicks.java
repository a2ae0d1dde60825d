package app.dating.discovery.boundary;

import app.dating.discovery.control.DailyPickComputation;
import app.dating.discovery.control.DailyPickSchedule;
import app.dating.discovery.control.DailyPickStore;
import app.dating.identity.boundary.Caller;
import app.dating.identity.control.AuditLog;
import app.dating.identity.entity.Account;
import app.dating.identity.entity.AuditEvent.Action;
import app.dating.identity.entity.Role;
import app.dating.profiles.control.LocationGrid;
import app.dating.profiles.entity.Profile;
import app.dating.shared.problem.BusinessException;
import app.dating.shared.problem.ProblemType;
import app.dating.visibility.boundary.Visibility;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The daily "most compatible" pick: one person a day for each active user, made for the whole
 * population at once by the daily job ({@link DailyPickComputation}) so that two people are each
 * other's pick where possible. Reading it checks it again against the visibility rule and the
 * reader's swipes (the feed's card query), so a pick who paused, left, was suspended or blocked
 * either way since — or whom the reader swiped already — is no pick: never a stale card.
 */
@Stateless
public class DailyPicks {
  static final String NONE =
      "No pick for you today. Picks are made once a day for people with a profile, a location and"
          + " someone who fits both ways; a pick who is no longer shown to you, or whom you swiped,"
          + " is gone until the next.";

  @PersistenceContext EntityManager em;
  @Inject DailyPickStore store;
  @Inject DailyPickSchedule schedule;
  @Inject DailyPickComputation computation;
  @Inject Visibility visibility;
  @Inject AuditLog audit;
  @Inject Clock clock;

  /**
   * Today's pick for {@code me}.
   *
   * @throws BusinessException {@link ProblemType#VERIFICATION_REQUIRED} for someone who may not
   *     look at others; {@link ProblemType#NOT_FOUND} when there is no pick now
   */
  public DailyPick today(UUID me) {
    visibility.requireMayBrowse(me);
    DailyPickStore.Current current =
        store.current(me, clock.instant()).orElseThrow(DailyPicks::none);
    FeedCard card = card(me, current.pick()).orElseThrow(DailyPicks::none);
    return new DailyPick(card, current.day(), current.expiresAt());
  }

  /**
   * Starts a run of the daily picks for an admin (audited) and returns it, RUNNING: it goes on on a
   * container thread (at 100 k people it takes many minutes). {@code asScheduled}: as the timer
   * does, only if no instance claimed the day yet, else a conflict; otherwise whatever ran before
   * (the day's picks are replaced).
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public DailyPickRun start(UUID actorId, boolean asScheduled, Caller caller) {
    requireAdmin(actorId);
    if (asScheduled && !schedule.claim()) {
      throw BusinessException.conflict(
          "Today's daily picks were made already (or are being made); run them without"
              + " asScheduled to make them again.");
    }
    UUID id = UUID.randomUUID();
    Instant now = clock.instant();
    store.started(id, now.atZone(ZoneOffset.UTC).toLocalDate(), now, actorId);
    audit.record(
        Action.DAILY_PICKS_RUN,
        true,
        actorId,
        null,
        caller,
        "run " + id + (asScheduled ? ", as scheduled" : ""));
    computation.start(id, now);
    return store.run(id).map(DailyPickRun::of).orElseThrow();
  }

  /** A run, for an admin. */
  public DailyPickRun run(UUID actorId, UUID runId) {
    requireAdmin(actorId);
    return store
        .run(runId)
        .map(DailyPickRun::of)
        .orElseThrow(() -> BusinessException.notFound("Run"));
  }

  private void requireAdmin(UUID actorId) {
    Account actor = em.find(Account.class, actorId);
    if (actor == null
        || actor.status() != Account.Status.ACTIVE
        || !actor.roles().contains(Role.ADMIN)) {
      throw BusinessException.forbidden("This needs the role ADMIN.");
    }
  }

  /** The pick's card, as the feed shows it ({@link Discovery#CARDS}: the same rule, one query). */
  private Optional<FeedCard> card(UUID me, UUID pick) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(Discovery.CARDS)
            .setParameter(1, pick.toString())
            .setParameter(2, me)
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] row = rows.get(0);
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    Optional<LocationGrid.Cell> mine =
        Optional.ofNullable(em.find(Profile.class, me)).flatMap(Profile::cell);
    Optional<LocationGrid.Cell> theirs =
        row[6] == null || row[7] == null
            ? Optional.empty()
            : Optional.of(
                LocationGrid.cellOf(
                    ((Number) row[6]).doubleValue(), ((Number) row[7]).doubleValue()));
    int km = mine.flatMap(a -> theirs.map(b -> LocationGrid.displayedKm(a, b))).orElse(0);
    return Optional.of(
        new FeedCard(
            UUID.fromString((String) row[0]),
            (String) row[1],
            Account.ageOn(
                row[2] instanceof LocalDate d ? d : ((java.sql.Date) row[2]).toLocalDate(), today),
            (String) row[3],
            (String) row[4],
            (String) row[5],
            km,
            csv(row[8], Integer::valueOf),
            csv(row[9], UUID::fromString)));
  }

  private static <T> List<T> csv(Object text, Function<String, T> parse) {
    return text == null || ((String) text).isEmpty()
        ? List.of()
        : Arrays.stream(((String) text).split(",")).map(parse).toList();
  }

  private static BusinessException none() {
    return new BusinessException(ProblemType.NOT_FOUND, NONE);
  }
}
