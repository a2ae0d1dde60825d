package app.dating.discovery.boundary;

import app.dating.cache.boundary.SharedCache;
import app.dating.discovery.control.CandidateGenerator;
import app.dating.discovery.control.Ranker;
import app.dating.discovery.control.Seeker;
import app.dating.identity.control.SecretTokens;
import app.dating.identity.entity.Account;
import app.dating.media.entity.Photo;
import app.dating.profiles.control.LocationGrid;
import app.dating.profiles.entity.Profile;
import app.dating.shared.problem.InvalidInputException;
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
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The feed. A feed session (its cursor) remembers, in the shared cache, whom it served and the
 * ranked pool still to show, so pages after the first cost no geo query and nobody repeats.
 */
@Stateless
public class Discovery {
  static final int POOL = 200;
  static final Duration SESSION = Duration.ofHours(1);

  @PersistenceContext EntityManager em;
  @Inject CandidateGenerator generator;
  @Inject Ranker ranker;
  @Inject SharedCache cache;
  @Inject Clock clock;

  public FeedPage feed(UUID me, String cursor, int size) {
    String session = cursor == null ? SecretTokens.newToken() : cursor;
    if (!SecretTokens.looksLikeToken(session)) {
      throw InvalidInputException.of("cursor", "This cursor is not one the API gave out.");
    }
    String key = "feed:" + me + ":" + session;
    String[] state = cache.get(key).orElse(";").split(";", -1);
    Set<UUID> served = ids(state[0]);
    List<UUID> pool = new ArrayList<>(ids(state[1]));
    if (pool.size() < size) {
      Seeker seeker = seeker(me);
      Set<UUID> exclude = new HashSet<>(served);
      exclude.addAll(pool);
      ranker.rank(seeker, generator.candidates(seeker, exclude, POOL)).forEach(c -> pool.add(c.accountId()));
    }
    List<UUID> page = List.copyOf(pool.subList(0, Math.min(size, pool.size())));
    pool.subList(0, page.size()).clear();
    served.addAll(page);
    cache.put(key, join(served) + ";" + join(pool), SESSION);
    return new FeedPage(cards(me, page), session);
  }

  private Seeker seeker(UUID me) {
    Profile profile = em.find(Profile.class, me);
    Account account = em.find(Account.class, me);
    if (profile == null || account == null) {
      throw InvalidInputException.of("profile", "Fill in your profile and share your location to see people.");
    }
    LocationGrid.Cell cell = profile.cell()
        .orElseThrow(() -> InvalidInputException.of("location", "Share your location to see people near you."));
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    return new Seeker(me, profile.gender(), profile.wantedGenders(), account.ageOn(today),
        profile.ageMin(), profile.ageMax(), profile.maxDistanceKm(), cell.centreLatitude(), cell.centreLongitude(),
        Set.copyOf(profile.interests()), today);
  }

  private List<FeedCard> cards(UUID me, List<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    Profile mine = em.find(Profile.class, me);
    Map<UUID, Profile> profiles = em.createQuery("select p from Profile p where p.accountId in :ids", Profile.class)
        .setParameter("ids", ids).getResultStream().collect(Collectors.toMap(Profile::accountId, Function.identity()));
    Map<UUID, Account> accounts = em.createQuery("select a from Account a where a.id in :ids", Account.class)
        .setParameter("ids", ids).getResultStream().collect(Collectors.toMap(Account::id, Function.identity()));
    Map<UUID, List<UUID>> photos = em.createNamedQuery(Photo.READY_OF_ACCOUNTS, Photo.class).setParameter("accounts", ids)
        .getResultStream().collect(Collectors.groupingBy(Photo::accountId, Collectors.mapping(Photo::id, Collectors.toList())));
    List<FeedCard> cards = new ArrayList<>();
    for (UUID id : ids) {
      Profile profile = profiles.get(id);
      Account account = accounts.get(id);
      if (profile == null || account == null) {
        continue;
      }
      int km = mine.cell().flatMap(a -> profile.cell().map(b -> LocationGrid.displayedKm(a, b))).orElse(0);
      cards.add(new FeedCard(id, account.displayName(), account.ageOn(today), profile.gender(),
          profile.intent() == null ? null : profile.intent().name(), profile.bio(), km, profile.interests(),
          photos.getOrDefault(id, List.of())));
    }
    return cards;
  }

  private static Set<UUID> ids(String csv) {
    return csv.isEmpty() ? new LinkedHashSet<>()
        : Arrays.stream(csv.split(",")).map(UUID::fromString).collect(Collectors.toCollection(LinkedHashSet::new));
  }

  private static String join(java.util.Collection<UUID> ids) {
    return ids.stream().map(UUID::toString).collect(Collectors.joining(","));
  }
}
