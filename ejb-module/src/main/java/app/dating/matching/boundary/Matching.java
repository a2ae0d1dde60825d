package app.dating.matching.boundary;

import app.dating.shared.json.JsonP;
import app.dating.events.boundary.DomainEvent;
import app.dating.events.boundary.Events;
import app.dating.identity.entity.Account;
import app.dating.matching.control.Allowances;
import app.dating.matching.entity.Block;
import app.dating.matching.entity.Entitlement;
import app.dating.matching.entity.Match;
import app.dating.matching.entity.Report;
import app.dating.matching.entity.Swipe;
import app.dating.matching.entity.SwipeKind;
import app.dating.media.entity.Photo;
import app.dating.ratelimit.boundary.RateLimit;
import app.dating.ratelimit.boundary.RateLimiter;
import app.dating.shared.problem.BusinessException;
import app.dating.shared.problem.InvalidInputException;
import app.dating.shared.problem.ProblemType;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The matching service. A like takes a transaction-scoped advisory lock on the pair before it looks
 * for the other's like, so of two likes arriving at once the second sees the first: exactly one
 * match, and the unique pair index backs that up.
 */
@Stateless
public class Matching {
  static final RateLimit REPORTS = new RateLimit("report", 20, Duration.ofDays(1));
  private static final Pattern CONTENT_REF = Pattern.compile(Report.CONTENT_REF);

  @PersistenceContext EntityManager em;
  @Inject Allowances allowances;
  @Inject Events events;
  @Inject RateLimiter limiter;
  @Inject Clock clock;

  public SwipeResult swipe(UUID me, UUID target, SwipeKind kind) {
    if (me.equals(target)) {
      throw InvalidInputException.of("targetId", "You cannot swipe on yourself.");
    }
    Instant now = clock.instant();
    UUID[] pair = Match.pair(me, target);
    if (kind.isLike()) {
      // Taken before anything is read: of two likes at once, the second reads after the first committed.
      em.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, lockKey(pair)).getSingleResult();
    }
    @SuppressWarnings("unchecked")
    List<Object[]> found = em.createNamedQuery(Swipe.CANDIDATE_STATE)
        .setParameter(1, me).setParameter(2, target).setParameter(3, now).getResultList();
    if (found.isEmpty()) {
      throw BusinessException.notFound("Profile");
    }
    Object[] state = found.get(0);
    boolean visible = "ACTIVE".equals(state[0]) && "DISCOVERABLE".equals(state[1]) && !Boolean.TRUE.equals(state[2]);
    if (state[3] != null) {
      if (!kind.name().equals(state[3])) {
        throw BusinessException.conflict("You swiped " + state[3] + " on this person already.");
      }
      return repeated(me, target, kind);
    }
    if (!visible) {
      throw BusinessException.notFound("Profile");
    }
    int inserted = em.createNamedQuery(Swipe.INSERT_IF_ABSENT)
        .setParameter(1, me).setParameter(2, target).setParameter(3, kind.name()).setParameter(4, now).executeUpdate();
    if (inserted == 0) {
      return repeated(me, target, kind);
    }
    // Only a new swipe spends; over the cap it throws and the insert rolls back.
    allowances.spend(me, kind, Entitlement.parse((String) state[5]));
    events.publish(DomainEvent.SWIPE, JsonP.object()
        .add("swiper", me.toString()).add("target", target.toString()).add("kind", kind.name()).add("at", now.toString()).build());
    if (!kind.isLike() || !Boolean.TRUE.equals(state[4])) {
      return new SwipeResult(target, kind.name(), false, null, false);
    }
    UUID matchId = UUID.randomUUID();
    int created = em.createNamedQuery(Match.INSERT_IF_ABSENT)
        .setParameter(1, matchId).setParameter(2, pair[0]).setParameter(3, pair[1]).setParameter(4, now).executeUpdate();
    if (created == 0) {
      return new SwipeResult(target, kind.name(), true, findMatch(pair).map(Match::id).orElse(null), false);
    }
    events.publish(DomainEvent.MATCH, JsonP.object()
        .add("match", matchId.toString()).add("a", pair[0].toString()).add("b", pair[1].toString()).add("at", now.toString()).build());
    return new SwipeResult(target, kind.name(), true, matchId, false);
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
    List<Match> page = em.createNamedQuery(Match.ACTIVE_PAGE, Match.class)
        .setParameter("me", me).setParameter("before", before).setParameter("beforeId", beforeId)
        .setMaxResults(size + 1).getResultList();
    List<Match> shown = page.subList(0, Math.min(size, page.size()));
    List<UUID> others = shown.stream().map(m -> m.other(me)).toList();
    Map<UUID, String> names = names(others);
    Map<UUID, UUID> photos = primaryPhotos(others);
    List<MatchView> views = shown.stream()
        .map(m -> new MatchView(m.id(), m.other(me), names.get(m.other(me)), photos.get(m.other(me)), m.createdAt(), m.lastActivityAt()))
        .toList();
    String next = page.size() > size ? encode(shown.get(shown.size() - 1)) : null;
    return new MatchPage(views, next);
  }

  /** Ends a match for both. */
  public void unmatch(UUID me, UUID matchId) {
    Match match = Optional.ofNullable(em.find(Match.class, matchId))
        .filter(m -> m.involves(me) && m.isActive())
        .orElseThrow(() -> BusinessException.notFound("Match"));
    match.end(Match.Ending.UNMATCH, me, clock.instant());
    events.publish(DomainEvent.UNMATCH, JsonP.object()
        .add("match", matchId.toString()).add("by", me.toString()).build());
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
    em.createNamedQuery(Block.INSERT_IF_ABSENT).setParameter(1, me).setParameter(2, other).setParameter(3, now).executeUpdate();
    findMatch(Match.pair(me, other)).filter(Match::isActive).ifPresent(m -> m.end(Match.Ending.BLOCK, me, now));
    events.publish(DomainEvent.BLOCK, JsonP.object().add("by", me.toString()).add("blocked", other.toString()).build());
  }

  /** Reports someone (or something of theirs) to the moderators. */
  public UUID report(UUID me, UUID other, Report.Reason reason, String comment, String contentRef) {
    if (me.equals(other)) {
      throw InvalidInputException.of("accountId", "You cannot report yourself.");
    }
    String ref = contentRef == null ? "profile:" + other : contentRef;
    if (!CONTENT_REF.matcher(ref).matches()) {
      throw InvalidInputException.of("contentRef", "Use profile:<id>, photo:<id>, match:<id> or message:<id>.");
    }
    if (em.find(Account.class, other) == null) {
      throw BusinessException.notFound("Account");
    }
    limiter.consume(REPORTS, me.toString());
    Report report = new Report(me, other, reason, comment, ref, clock.instant());
    em.persist(report);
    events.publish(DomainEvent.REPORT, JsonP.object()
        .add("report", report.id().toString()).add("reported", other.toString()).add("reason", reason.name()).build());
    return report.id();
  }

  /** How many people liked the caller and wait for an answer: everyone sees the count. */
  public long likesCount(UUID me) {
    return count(Swipe.LIKES_IN_COUNT, me);
  }

  /** Who they are: an entitlement. */
  public List<LikeView> likes(UUID me, int size) {
    if (!allowances.held(me).contains(Entitlement.SEE_LIKES)) {
      throw new BusinessException(ProblemType.ENTITLEMENT_REQUIRED, "Seeing who likes you is part of premium; everyone sees how many.");
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em.createNamedQuery(Swipe.LIKES_IN).setParameter(1, me).setParameter(2, size).getResultList();
    Map<UUID, String> names = names(rows.stream().map(r -> UUID.fromString((String) r[0])).toList());
    return rows.stream()
        .map(r -> new LikeView(UUID.fromString((String) r[0]), names.get(UUID.fromString((String) r[0])), "SUPERLIKE".equals(r[1]),
            r[2] instanceof Instant i ? i : ((java.sql.Timestamp) r[2]).toInstant()))
        .toList();
  }

  private SwipeResult repeated(UUID me, UUID target, SwipeKind kind) {
    Optional<Match> match = kind.isLike() ? findMatch(Match.pair(me, target)) : Optional.empty();
    return new SwipeResult(target, kind.name(), match.isPresent(), match.map(Match::id).orElse(null), true);
  }

  private Optional<Match> findMatch(UUID[] pair) {
    return em.createNamedQuery(Match.OF_PAIR, Match.class).setParameter("a", pair[0]).setParameter("b", pair[1])
        .getResultStream().findFirst();
  }

  private long count(String query, UUID only) {
    return ((Number) em.createNamedQuery(query).setParameter(1, only).getSingleResult()).longValue();
  }

  private Map<UUID, String> names(List<UUID> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return em.createQuery("select a from Account a where a.id in :ids", Account.class).setParameter("ids", ids).getResultStream()
        .collect(Collectors.toMap(Account::id, Account::displayName));
  }

  private Map<UUID, UUID> primaryPhotos(List<UUID> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return em.createNamedQuery(Photo.READY_OF_ACCOUNTS, Photo.class).setParameter("accounts", ids).getResultStream()
        .collect(Collectors.toMap(Photo::accountId, Photo::id, (first, later) -> first));
  }

  /** One lock per pair of people, whoever swipes first. */
  private static long lockKey(UUID[] pair) {
    return pair[0].getMostSignificantBits() * 31 + pair[1].getLeastSignificantBits();
  }

  private static String encode(Match last) {
    String raw = last.lastActivityAt() + "|" + last.id();
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  private static String[] decode(String cursor) {
    try {
      String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
      Instant.parse(parts[0]);
      UUID.fromString(parts[1]);
      return parts;
    } catch (RuntimeException e) {
      throw InvalidInputException.of("cursor", "This cursor is not one the API gave out.");
    }
  }
}
