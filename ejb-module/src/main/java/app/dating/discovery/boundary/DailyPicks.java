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
   * Runs the daily picks now, for an admin (audited). {@code asScheduled}: as the timer does, only
   * if no instance claimed the day yet; otherwise at once, whatever ran before (the day's picks are
   * replaced).
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public DailyPickRun run(UUID actorId, boolean asScheduled, Caller caller) {
    Account actor = em.find(Account.class, actorId);
    if (actor == null
        || actor.status() != Account.Status.ACTIVE
        || !actor.roles().contains(Role.ADMIN)) {
      throw BusinessException.forbidden("This needs the role ADMIN.");
    }
    audit.record(
        Action.DAILY_PICKS_RUN, true, actorId, null, caller, asScheduled ? "as scheduled" : "now");
    Optional<DailyPickComputation.Outcome> outcome =
        asScheduled ? schedule.runIfDue() : Optional.of(computation.run());
    return outcome
        .map(
            o ->
                new DailyPickRun(
                    true,
                    o.day(),
                    o.expiresAt(),
                    o.people(),
                    o.picks(),
                    o.mutualPairs(),
                    o.oneSided(),
                    o.setAside(),
                    o.stable(),
                    o.listsMillis(),
                    o.totalMillis()))
        .orElseGet(
            () ->
                new DailyPickRun(
                    false,
                    clock.instant().atZone(ZoneOffset.UTC).toLocalDate(),
                    null,
                    0,
                    0,
                    0,
                    0,
                    0,
                    true,
                    0,
                    0));
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
