package app.dating.discovery.boundary;

import app.dating.cache.boundary.SharedCache;
import app.dating.discovery.control.Candidate;
import app.dating.discovery.control.CandidateGenerator;
import app.dating.discovery.control.FeedSessions;
import app.dating.discovery.control.ModelHolder;
import app.dating.discovery.control.Ranker;
import app.dating.discovery.control.Seeker;
import app.dating.discovery.control.Seekers;
import app.dating.discovery.control.SignalEvents;
import app.dating.identity.entity.Account;
import app.dating.profiles.control.LocationGrid;
import app.dating.profiles.entity.Profile;
import app.dating.ratelimit.boundary.RateLimit;
import app.dating.ratelimit.boundary.RateLimiter;
import app.dating.visibility.boundary.Visibility;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The feed. A feed session (its cursor) remembers, in the shared cache, whom it served and the
 * ranked pool still to show, so pages after the first cost no geo query and nobody repeats. A
 * person keeps a few sessions at most, and their feed requests are rate-limited, so requests in a
 * loop cannot fill the cache (Redis, which also holds revocations and rate limits). A new session
 * starts from the seeker's ranked pool of the last {@code discovery.pool-ttl} when their filters
 * are unchanged (the candidate query is most of a first page's cost), less whom they swiped since;
 * every page's cards re-check the exclusions (the visibility rule, {@code profiles_visible_to}), so
 * someone who paused, left, was suspended or blocked since the pool was made is not shown. Only a
 * verified account sees the feed.
 */
@Stateless
public class Discovery {
  static final int POOL = 200;
  static final Duration SESSION = Duration.ofHours(1);
  static final String CARDS =
      "select cast(p.account_id as varchar), p.display_name, p.birth_date, p.gender, p.intent, p.bio, p.cell_lat, p.cell_lon,"
          + " (select string_agg(cast(i.interest_id as varchar), ',' order by i.interest_id)"
          + "   from profile_interest i where i.account_id = p.account_id),"
          + " (select string_agg(cast(ph.id as varchar), ',' order by ph.position, ph.created_at)"
          + "   from photo ph where ph.account_id = p.account_id and ph.conversation_id is null and ph.status = 'READY')"
          + " from profiles_visible_to(?2) p"
          + " where p.account_id = any(cast(string_to_array(?1, ',') as uuid[]))"
          + " and not exists (select 1 from swipe s where s.swiper_id = ?2 and s.target_id = p.account_id)";

  @PersistenceContext EntityManager em;

  @Inject CandidateGenerator generator;

  @Inject Seekers seekers;

  @Inject Visibility visibility;

  @Inject Ranker ranker;

  @Inject SharedCache cache;

  /** Counts whom a page showed (in memory, written in batches): the exposure cap's input. */
  @Inject SignalEvents exposure;

  @Inject ModelHolder models;

  @Inject RateLimiter limiter;

  @Inject Clock clock;

  /**
   * How long a seeker's ranked pool serves new feed sessions; zero makes every session query
   * afresh.
   */
  @Inject
  @ConfigProperty(name = "discovery.pool-ttl", defaultValue = "PT5M")
  Duration poolTtl;

  /**
   * Feed requests one account may make per minute (a token bucket): each without a cursor starts a
   * session, and each may run the candidate query.
   */
  @Inject
  @ConfigProperty(name = "discovery.feed-requests-per-minute", defaultValue = "60")
  int requestsPerMinute;

  /**
   * Feed sessions a person keeps at most: a new one takes the place of their oldest (see {@link
   * FeedSessions}).
   */
  @Inject
  @ConfigProperty(name = "discovery.feed-sessions", defaultValue = "5")
  int sessions;

  /**
   * A page of the feed: of the cursor's session, or of a new one when there is no cursor or its
   * session is gone (expired, or its slot taken by a newer one).
   *
   * @throws app.dating.shared.problem.RateLimitedException beyond {@code
   *     discovery.feed-requests-per-minute}
   */
  public FeedPage feed(UUID me, String cursor, int size) {
    visibility.requireMayBrowse(me);
    limiter.consume(
        new RateLimit("feed", Math.max(1, requestsPerMinute), Duration.ofMinutes(1)),
        me.toString());
    int slots = Math.max(1, Math.min(FeedSessions.SLOTS_MAX, sessions));
    Optional<FeedSessions.Cursor> given = FeedSessions.cursor(cursor);
    Optional<FeedSessions.State> continued =
        given
            .filter(c -> c.slot() < slots)
            .flatMap(
                c ->
                    cache
                        .get(FeedSessions.key(me, c.slot()))
                        .flatMap(stored -> FeedSessions.continuing(c, stored)));
    FeedSessions.Cursor session =
        continued.isPresent()
            ? given.orElseThrow()
            : FeedSessions.Cursor.next(
                cache.increment(FeedSessions.counterKey(me), SESSION), slots);
    FeedSessions.State state = continued.orElseGet(FeedSessions.State::empty);
    Set<UUID> served = state.served();
    List<UUID> pool = state.pool();
    List<FeedCard> page = new ArrayList<>();
    Seeker seeker = null;
    boolean queried = false;
    while (page.size() < size) {
      if (pool.isEmpty()) {
        if (queried) {
          break;
        }
        seeker = seeker == null ? seekers.of(me) : seeker;
        Optional<List<UUID>> reused =
            served.isEmpty() ? reusablePool(seeker, size) : Optional.empty();
        if (reused.isPresent()) {
          pool.addAll(reused.get());
          continue;
        }
        pool.addAll(ranked(seeker, served));
        queried = true;
        if (served.isEmpty() && !poolTtl.isZero()) {
          cache.put(poolKey(seeker), fingerprint(seeker) + ";" + join(pool), poolTtl);
        }
        continue;
      }
      // shorter when someone no longer passes: the loop takes more
      page.addAll(cards(me, state.serveNext(size - page.size())));
    }
    cache.put(FeedSessions.key(me, session.slot()), FeedSessions.stored(session, state), SESSION);
    exposure.shown(page.stream().map(FeedCard::id).toList());
    return new FeedPage(page, session.text());
  }

  /**
   * The seeker's pool of the last {@code poolTtl}, for a new session: if their filters and
   * interests are unchanged and it still holds a page once those they swiped are out.
   */
  private Optional<List<UUID>> reusablePool(Seeker seeker, int size) {
    if (poolTtl.isZero()) {
      return Optional.empty();
    }
    String fingerprint = fingerprint(seeker);
    return cache
        .get(poolKey(seeker))
        .map(value -> value.split(";", -1))
        .filter(v -> v.length == 2 && v[0].equals(fingerprint))
        .map(
            v -> {
              List<UUID> pool = new ArrayList<>(ids(v[1]));
              pool.removeAll(swipedAmong(seeker.accountId(), pool));
              return pool;
            })
        .filter(pool -> pool.size() >= size);
  }

  private static String poolKey(Seeker seeker) {
    return "feedpool:" + seeker.accountId();
  }

  /**
   * What the pool depends on: the seeker's filters, place, interests and day, and the ranker and
   * model version in use (a new one ranks afresh).
   */
  private String fingerprint(Seeker seeker) {
    ModelHolder.Active ranking = models.active();
    return Integer.toHexString(
        Objects.hash(
            ranking.ranker(),
            ranking.version(),
            seeker.gender(),
            seeker.wantedGenders(),
            seeker.age(),
            seeker.ageMin(),
            seeker.ageMax(),
            seeker.maxDistanceKm(),
            seeker.latitude(),
            seeker.longitude(),
            seeker.interests(),
            seeker.today()));
  }

  private List<UUID> ranked(Seeker seeker, Set<UUID> exclude) {
    return ranker.rank(seeker, generator.candidates(seeker, exclude, POOL)).stream()
        .map(Candidate::accountId)
        .toList();
  }

  /** Whom of these people the seeker has swiped (a pool's worth of primary-key probes). */
  private Set<UUID> swipedAmong(UUID me, List<UUID> people) {
    @SuppressWarnings("unchecked")
    List<String> ids =
        em.createNativeQuery(
                "select cast(target_id as varchar) from swipe"
                    + " where swiper_id = ?1 and target_id = any(cast(string_to_array(?2, ',') as uuid[]))")
            .setParameter(1, me)
            .setParameter(2, join(people))
            .getResultList();
    return ids.stream().map(UUID::fromString).collect(Collectors.toSet());
  }

  /**
   * The cards of a page, in its order, from one query: each person's account, profile, interests
   * and ready profile photos (in their order). Whoever is no longer shown to the seeker (the
   * visibility rule) or was swiped since is left out.
   */
  private List<FeedCard> cards(UUID me, List<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    Optional<LocationGrid.Cell> mine = em.find(Profile.class, me).cell();
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(CARDS).setParameter(1, join(ids)).setParameter(2, me).getResultList();
    Map<UUID, FeedCard> cards = new HashMap<>();
    for (Object[] row : rows) {
      UUID id = UUID.fromString((String) row[0]);
      Optional<LocationGrid.Cell> theirs =
          row[6] == null || row[7] == null
              ? Optional.empty()
              : Optional.of(
                  LocationGrid.cellOf(
                      ((Number) row[6]).doubleValue(), ((Number) row[7]).doubleValue()));
      int km = mine.flatMap(a -> theirs.map(b -> LocationGrid.displayedKm(a, b))).orElse(0);
      cards.put(
          id,
          new FeedCard(
              id,
              (String) row[1],
              Account.ageOn(localDate(row[2]), today),
              (String) row[3],
              (String) row[4],
              (String) row[5],
              km,
              csv(row[8], Integer::valueOf),
              csv(row[9], UUID::fromString)));
    }
    return ids.stream().map(cards::get).filter(Objects::nonNull).toList();
  }

  private static <T> List<T> csv(Object text, Function<String, T> parse) {
    return text == null || ((String) text).isEmpty()
        ? List.of()
        : Arrays.stream(((String) text).split(",")).map(parse).toList();
  }

  private static LocalDate localDate(Object value) {
    return value instanceof LocalDate d ? d : ((java.sql.Date) value).toLocalDate();
  }

  private static Set<UUID> ids(String csv) {
    return csv.isEmpty()
        ? new LinkedHashSet<>()
        : Arrays.stream(csv.split(","))
            .map(UUID::fromString)
            .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  private static String join(java.util.Collection<UUID> ids) {
    return ids.stream().map(UUID::toString).collect(Collectors.joining(","));
  }
}
