package app.dating.matching.boundary;

import app.dating.events.boundary.DomainEvent;
import app.dating.events.boundary.Events;
import app.dating.identity.entity.Account;
import app.dating.matching.control.Allowances;
import app.dating.matching.control.Allowances.Spending;
import app.dating.matching.entity.Match;
import app.dating.matching.entity.Report;
import app.dating.matching.entity.Swipe;
import app.dating.matching.entity.SwipeKind;
import app.dating.media.entity.Photo;
import app.dating.payments.entity.Entitlement;
import app.dating.payments.entity.Entitlement.Held;
import app.dating.platform.control.GroupCommit.Outcome;
import app.dating.ratelimit.boundary.RateLimit;
import app.dating.ratelimit.boundary.RateLimiter;
import app.dating.shared.json.JsonP;
import app.dating.shared.problem.BusinessException;
import app.dating.shared.problem.InvalidInputException;
import app.dating.shared.problem.ProblemType;
import app.dating.shared.problem.RateLimitedException;
import app.dating.visibility.boundary.Visibility;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The matching service. A swipe takes a transaction-scoped advisory lock on the pair before it
 * looks for the other's like, so of two likes arriving at once the second sees the first: exactly
 * one match, and the unique pair index backs that up. Swipes come in batches ({@link SwipeWriter}).
 */
@Stateless
public class Matching {
  static final RateLimit REPORTS = new RateLimit("report", 20, Duration.ofDays(1));
  private static final Pattern CONTENT_REF = Pattern.compile(Report.CONTENT_REF);

  @PersistenceContext EntityManager em;

  @Inject Allowances allowances;

  @Inject Events events;

  @Inject Visibility visibility;

  @Inject RateLimiter limiter;

  @Inject Clock clock;

  /**
   * A swipe to make: who, on whom, which; how long the card was on screen before, if the app said
   * (milliseconds, a ranking signal).
   */
  public record PendingSwipe(UUID swiper, UUID target, SwipeKind kind, Integer dwellMs) {
    public PendingSwipe(UUID swiper, UUID target, SwipeKind kind) {
      this(swiper, target, kind, null);
    }

    /** The two people, the smaller id first (as a match stores them). */
    UUID[] pair() {
      return Match.pair(swiper, target);
    }
  }

  /**
   * Swipes of many people in one transaction ({@link SwipeWriter}'s group commit), each as if
   * alone; one outcome per swipe, in order: its result, or why it was refused. The pairs' locks
   * come first, all at once, in key order (so two batches cannot deadlock); then a few statements
   * serve the whole batch: the candidates' state, the allowances, the swipes, the matches, the
   * events. A pair swiped twice in a batch (both ways, or a repeat) is done in a later round, which
   * reads what the first wrote.
   */
  public List<Outcome<SwipeResult>> swipeAll(List<PendingSwipe> swipes) {
    Instant now = clock.instant();
    List<Outcome<SwipeResult>> outcomes = new ArrayList<>(Collections.nCopies(swipes.size(), null));
    List<Integer> valid = new ArrayList<>();
    for (int i = 0; i < swipes.size(); i++) {
      if (swipes.get(i).swiper().equals(swipes.get(i).target())) {
        outcomes.set(
            i,
            Outcome.refusal(InvalidInputException.of("targetId", "You cannot swipe on yourself.")));
      } else {
        valid.add(i);
      }
    }
    lockPairs(valid.stream().map(swipes::get).toList());
    for (List<Integer> round : rounds(swipes, valid)) {
      swipeRound(swipes, round, now, outcomes);
    }
    return outcomes;
  }

  /** The caller's matches, newest activity first, a page at a time. */
  public MatchPage matches(UUID me, String cursor, int size) {
    Instant before = Instant.parse("9999-12-31T00:00:00Z");
    UUID beforeId = new UUID(-1L, -1L);
    if (cursor != null) {
      String[] parts = decode(cursor);
      before = Instant.parse(parts[0]);
      beforeId = UUID.fromString(parts[1]);
    }
    List<Match> page =
        em.createNamedQuery(Match.ACTIVE_PAGE, Match.class)
            .setParameter(1, me)
            .setParameter(2, before)
            .setParameter(3, beforeId)
            .setParameter(4, size + 1)
            .getResultList();
    List<Match> shown = page.subList(0, Math.min(size, page.size()));
    List<UUID> others = shown.stream().map(m -> m.other(me)).toList();
    Map<UUID, String> names = names(others);
    Map<UUID, UUID> photos = primaryPhotos(others);
    List<MatchView> views =
        shown.stream()
            .map(
                m ->
                    new MatchView(
                        m.id(),
                        m.other(me),
                        names.get(m.other(me)),
                        photos.get(m.other(me)),
                        m.createdAt(),
                        m.lastActivityAt()))
            .toList();
    String next = null;
    if (page.size() > size) {
      Match last = shown.get(shown.size() - 1);
      next = encode(last.lastActivityAt(), last.id());
    }
    return new MatchPage(views, next);
  }

  /** Ends a match for both. */
  public void unmatch(UUID me, UUID matchId) {
    Match match =
        Optional.ofNullable(em.find(Match.class, matchId))
            .filter(m -> m.involves(me) && m.isActive())
            .orElseThrow(() -> BusinessException.notFound("Match"));
    match.end(Match.Ending.UNMATCH, me, clock.instant());
    events.publish(
        DomainEvent.UNMATCH,
        JsonP.object().add("match", matchId.toString()).add("by", me.toString()).build());
  }

  /** Blocks someone: hidden from each other everywhere, for good; a match between them ends. */
  public void block(UUID me, UUID other) {
    if (me.equals(other)) {
      throw InvalidInputException.of("accountId", "You cannot block yourself.");
    }
    if (em.find(Account.class, other) == null) {
      throw BusinessException.notFound("Account");
    }
    Instant now = clock.instant();
    visibility.block(me, other, now);
    findMatch(Match.pair(me, other))
        .filter(Match::isActive)
        .ifPresent(m -> m.end(Match.Ending.BLOCK, me, now));
    events.publish(
        DomainEvent.BLOCK,
        JsonP.object().add("by", me.toString()).add("blocked", other.toString()).build());
  }

  /** Reports someone (or something of theirs) to the moderators. */
  public UUID report(UUID me, UUID other, Report.Reason reason, String comment, String contentRef) {
    if (me.equals(other)) {
      throw InvalidInputException.of("accountId", "You cannot report yourself.");
    }
    String ref = contentRef == null ? "profile:" + other : contentRef;
    if (!CONTENT_REF.matcher(ref).matches()) {
      throw InvalidInputException.of(
          "contentRef", "Use profile:<id>, photo:<id>, match:<id> or message:<id>.");
    }
    if (em.find(Account.class, other) == null) {
      throw BusinessException.notFound("Account");
    }
    limiter.consume(REPORTS, me.toString());
    Report report = new Report(me, other, reason, comment, ref, clock.instant());
    em.persist(report);
    events.publish(
        DomainEvent.REPORT,
        JsonP.object()
            .add("report", report.id().toString())
            .add("reported", other.toString())
            .add("reason", reason.name())
            .build());
    return report.id();
  }

  /** How many people liked the caller and wait for an answer: everyone sees the count. */
  public long likesCount(UUID me) {
    return count(Swipe.LIKES_IN_COUNT, me);
  }

  /** Who they are: an entitlement. */
  public List<LikeView> likes(UUID me, int size) {
    if (!allowances.held(me).contains(Entitlement.SEE_LIKES)) {
      throw new BusinessException(
          ProblemType.ENTITLEMENT_REQUIRED,
          "Seeing who likes you is part of premium; everyone sees how many.");
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNamedQuery(Swipe.LIKES_IN)
            .setParameter(1, me)
            .setParameter(2, size)
            .getResultList();
    Map<UUID, String> names =
        names(rows.stream().map(r -> UUID.fromString((String) r[0])).toList());
    return rows.stream()
        .map(
            r ->
                new LikeView(
                    UUID.fromString((String) r[0]),
                    names.get(UUID.fromString((String) r[0])),
                    "SUPERLIKE".equals(r[1]),
                    r[2] instanceof Instant i ? i : ((java.sql.Timestamp) r[2]).toInstant()))
        .toList();
  }

  /**
   * Of a candidate for their swiper: what the swipe needs to know, read in one statement for a
   * batch. Whether the swiper may swipe at all and whether the candidate is shown to them is the
   * visibility rule's answer (in SQL, see {@link Swipe#CANDIDATE_STATES}).
   */
  private record CandidateState(
      boolean swiperMayBrowse, boolean visible, String earlier, boolean likedBack, Held held) {
    static CandidateState of(Object[] row) {
      return new CandidateState(
          Boolean.TRUE.equals(row[1]),
          Boolean.TRUE.equals(row[2]),
          (String) row[3],
          Boolean.TRUE.equals(row[4]),
          Entitlement.parse((String) row[5]));
    }
  }

  /** One round of a batch: no pair twice. */
  private void swipeRound(
      List<PendingSwipe> swipes,
      List<Integer> round,
      Instant now,
      List<Outcome<SwipeResult>> outcomes) {
    Map<Integer, CandidateState> states = candidateStates(swipes, round, now);
    List<Integer> fresh = new ArrayList<>();
    for (int i : round) {
      PendingSwipe swipe = swipes.get(i);
      CandidateState state = states.get(i);
      if (state != null && !state.swiperMayBrowse()) {
        outcomes.set(i, Outcome.refusal(Visibility.verifyFirst()));
      } else if (state != null && state.earlier() != null) {
        outcomes.set(
            i,
            state.earlier().equals(swipe.kind().name())
                ? Outcome.of(repeated(swipe))
                : Outcome.refusal(
                    BusinessException.conflict(
                        "You swiped " + state.earlier() + " on this person already.")));
      } else if (state == null || !state.visible()) {
        outcomes.set(i, Outcome.refusal(BusinessException.notFound("Profile")));
      } else {
        fresh.add(i);
      }
    }
    // Only a new swipe spends; one over the cap is refused and stored not.
    List<RateLimitedException> refusals =
        allowances.spendAll(
            now,
            fresh.stream()
                .map(
                    i ->
                        new Spending(
                            swipes.get(i).swiper(), swipes.get(i).kind(), states.get(i).held()))
                .toList());
    List<Integer> granted = new ArrayList<>();
    for (int n = 0; n < fresh.size(); n++) {
      if (refusals.get(n) == null) {
        granted.add(fresh.get(n));
      } else {
        outcomes.set(fresh.get(n), Outcome.refusal(refusals.get(n)));
      }
    }
    if (granted.isEmpty()) {
      return;
    }
    store(granted.stream().map(swipes::get).toList(), now);
    List<Events.Event> published = new ArrayList<>();
    Map<Integer, UUID> matches = new HashMap<>();
    for (int i : granted) {
      PendingSwipe swipe = swipes.get(i);
      published.add(
          new Events.Event(
              DomainEvent.SWIPE,
              JsonP.object()
                  .add("swiper", swipe.swiper().toString())
                  .add("target", swipe.target().toString())
                  .add("kind", swipe.kind().name())
                  .add("at", now.toString())
                  .addAll(dwell(swipe))
                  .build()));
      if (swipe.kind().isLike() && states.get(i).likedBack()) {
        matches.put(i, UUID.randomUUID());
      }
    }
    Set<UUID> created = createMatches(swipes, matches, now);
    for (int i : granted) {
      PendingSwipe swipe = swipes.get(i);
      UUID matchId = matches.get(i);
      if (matchId == null) {
        outcomes.set(
            i,
            Outcome.of(new SwipeResult(swipe.target(), swipe.kind().name(), false, null, false)));
      } else if (created.contains(matchId)) {
        UUID[] pair = swipe.pair();
        published.add(
            new Events.Event(
                DomainEvent.MATCH,
                JsonP.object()
                    .add("match", matchId.toString())
                    .add("a", pair[0].toString())
                    .add("b", pair[1].toString())
                    .add("at", now.toString())
                    .build()));
        outcomes.set(
            i,
            Outcome.of(new SwipeResult(swipe.target(), swipe.kind().name(), true, matchId, false)));
      } else { // the pair has had its match for a while
        UUID earlier = findMatch(swipe.pair()).map(Match::id).orElse(null);
        outcomes.set(
            i,
            Outcome.of(new SwipeResult(swipe.target(), swipe.kind().name(), true, earlier, false)));
      }
    }
    events.publishAll(published);
  }

  /**
   * Takes each pair's lock (whoever swipes first), once, in key order: a pair's swipes happen one
   * after the other.
   */
  private void lockPairs(List<PendingSwipe> swipes) {
    String keys =
        swipes.stream()
            .mapToLong(s -> lockKey(s.pair()))
            .distinct()
            .sorted()
            .mapToObj(Long::toString)
            .collect(Collectors.joining(","));
    if (!keys.isEmpty()) {
      em.createNamedQuery(Match.LOCK_PAIRS).setParameter(1, keys).getSingleResult();
    }
  }

  /**
   * The swipes at {@code indexes} in rounds where a pair of people comes at most once: each swipe
   * goes to the first round that does not hold its pair yet, so a pair's swipes keep their order
   * across rounds (both ways count as the same pair).
   */
  static List<List<Integer>> rounds(List<PendingSwipe> swipes, List<Integer> indexes) {
    List<List<Integer>> rounds = new ArrayList<>();
    List<Set<List<UUID>>> pairs = new ArrayList<>();
    for (int i : indexes) {
      List<UUID> pair = List.of(swipes.get(i).pair());
      int round = 0;
      while (round < rounds.size() && pairs.get(round).contains(pair)) {
        round++;
      }
      if (round == rounds.size()) {
        rounds.add(new ArrayList<>());
        pairs.add(new HashSet<>());
      }
      rounds.get(round).add(i);
      pairs.get(round).add(pair);
    }
    return rounds;
  }

  private Map<Integer, CandidateState> candidateStates(
      List<PendingSwipe> swipes, List<Integer> round, Instant now) {
    JsonArrayBuilder asked = JsonP.array();
    round.forEach(
        i ->
            asked.add(
                JsonP.object()
                    .add("i", i)
                    .add("me", swipes.get(i).swiper().toString())
                    .add("target", swipes.get(i).target().toString())));
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNamedQuery(Swipe.CANDIDATE_STATES)
            .setParameter(1, asked.build().toString())
            .setParameter(2, now)
            .getResultList();
    Map<Integer, CandidateState> states = new HashMap<>();
    rows.forEach(row -> states.put(((Number) row[0]).intValue(), CandidateState.of(row)));
    return states;
  }

  /**
   * Stores new swipes; under the pairs' locks nobody else can have stored one of them meanwhile.
   */
  private void store(List<PendingSwipe> granted, Instant now) {
    JsonArrayBuilder rows = JsonP.array();
    granted.forEach(
        swipe ->
            rows.add(
                JsonP.object()
                    .add("me", swipe.swiper().toString())
                    .add("target", swipe.target().toString())
                    .add("kind", swipe.kind().name())
                    .addAll(dwell(swipe))));
    int inserted =
        em.createNamedQuery(Swipe.INSERT_ALL)
            .setParameter(1, rows.build().toString())
            .setParameter(2, now)
            .executeUpdate();
    if (inserted != granted.size()) {
      throw new IllegalStateException(
          "stored "
              + inserted
              + " of "
              + granted.size()
              + " swipes; another swipe of a pair came in without its lock");
    }
  }

  /** Creates the matches (swipe index to new match id); returns the ids of those created. */
  private Set<UUID> createMatches(
      List<PendingSwipe> swipes, Map<Integer, UUID> matches, Instant now) {
    if (matches.isEmpty()) {
      return Set.of();
    }
    JsonArrayBuilder rows = JsonP.array();
    matches.forEach(
        (i, id) -> {
          UUID[] pair = swipes.get(i).pair();
          rows.add(
              JsonP.object()
                  .add("id", id.toString())
                  .add("a", pair[0].toString())
                  .add("b", pair[1].toString()));
        });
    @SuppressWarnings("unchecked")
    List<String> created =
        em.createNamedQuery(Match.INSERT_ALL)
            .setParameter(1, rows.build().toString())
            .setParameter(2, now)
            .getResultList();
    return created.stream().map(UUID::fromString).collect(Collectors.toSet());
  }

  /** The swipe's dwell time as a JSON member, or nothing when the app did not send it. */
  private static jakarta.json.JsonObjectBuilder dwell(PendingSwipe swipe) {
    return swipe.dwellMs() == null
        ? JsonP.object()
        : JsonP.object().add("dwellMs", swipe.dwellMs().intValue());
  }

  private SwipeResult repeated(PendingSwipe swipe) {
    Optional<Match> match = swipe.kind().isLike() ? findMatch(swipe.pair()) : Optional.empty();
    return new SwipeResult(
        swipe.target(),
        swipe.kind().name(),
        match.isPresent(),
        match.map(Match::id).orElse(null),
        true);
  }

  private Optional<Match> findMatch(UUID[] pair) {
    return em.createNamedQuery(Match.OF_PAIR, Match.class)
        .setParameter("a", pair[0])
        .setParameter("b", pair[1])
        .getResultStream()
        .findFirst();
  }

  private long count(String query, UUID only) {
    return ((Number) em.createNamedQuery(query).setParameter(1, only).getSingleResult())
        .longValue();
  }

  private Map<UUID, String> names(List<UUID> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return em.createQuery("select a from Account a where a.id in :ids", Account.class)
        .setParameter("ids", ids)
        .getResultStream()
        .collect(Collectors.toMap(Account::id, Account::displayName));
  }

  private Map<UUID, UUID> primaryPhotos(List<UUID> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return em.createNamedQuery(Photo.READY_OF_ACCOUNTS, Photo.class)
        .setParameter("accounts", ids)
        .getResultStream()
        .collect(Collectors.toMap(Photo::accountId, Photo::id, (first, later) -> first));
  }

  /** One lock per pair of people, whoever swipes first. */
  private static long lockKey(UUID[] pair) {
    return pair[0].getMostSignificantBits() * 31 + pair[1].getLeastSignificantBits();
  }

  /**
   * The cursor of the page after the match with this activity time and id: opaque to clients, not
   * secret.
   */
  static String encode(Instant lastActivityAt, UUID id) {
    String raw = lastActivityAt + "|" + id;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  /** The activity time and id of a cursor {@link #encode} made; anything else is invalid input. */
  static String[] decode(String cursor) {
    try {
      String[] parts =
          new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
      Instant.parse(parts[0]);
      UUID.fromString(parts[1]);
      return parts;
    } catch (RuntimeException e) {
      throw InvalidInputException.of("cursor", "This cursor is not one the API gave out.");
    }
  }
}
