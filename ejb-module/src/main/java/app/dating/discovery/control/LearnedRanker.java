package app.dating.discovery.control;

import app.dating.discovery.control.FeedOrder.Scored;
import app.dating.discovery.control.PairFeatures.Features;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Ranking v2: reciprocal and learned. For the seeker u and each candidate v it estimates P(u likes
 * v) and P(v likes u) with the model ({@link PreferenceModel}, features of {@link PairFeatures}),
 * scores the pair by their harmonic mean ({@link Reciprocal}) and orders with {@link FeedOrder}
 * (exposure cap, exploration, liked-you cap). Someone who already liked the seeker has P(v likes u)
 * = 1. Before the first model exists, each direction is {@link SimpleRanker}'s score (content and
 * population alone).
 */
@ApplicationScoped
public class LearnedRanker implements Ranker {
  static final String LIKED_ME =
      "select cast(s.swiper_id as varchar) from swipe s where s.target_id = ?1 and s.kind <> 'PASS'"
          + " and s.swiper_id = any(cast(string_to_array(?2, ',') as uuid[]))";

  @PersistenceContext EntityManager em;
  @Inject ModelHolder holder;
  @Inject Signals signals;
  @Inject SimpleRanker simple;

  /** Share of the feed's slots for newcomers and rarely shown people. */
  @Inject
  @ConfigProperty(name = "ranking.exploration-share", defaultValue = "0.1")
  double explorationShare;

  /** Of each ten cards, how many may be people who already liked the seeker. */
  @Inject
  @ConfigProperty(name = "ranking.liked-you-per-ten", defaultValue = "2")
  int likedYouPerTen;

  /** Times a person is shown per day before they go after everyone else. */
  @Inject
  @ConfigProperty(name = "ranking.exposure-cap", defaultValue = "500")
  int exposureCap;

  /** Decayed impressions below which someone is "rarely shown" (explored). */
  @Inject
  @ConfigProperty(name = "ranking.rarely-shown", defaultValue = "50")
  double rarelyShown;

  @Override
  public List<Candidate> rank(Seeker seeker, List<Candidate> candidates) {
    if (candidates.isEmpty()) {
      return candidates;
    }
    List<UUID> ids = candidates.stream().map(Candidate::accountId).toList();
    List<UUID> everyone = new ArrayList<>(ids);
    everyone.add(seeker.accountId());
    Map<UUID, PersonSignals> behaviour = signals.of(everyone);
    Set<UUID> likedMe = likedMe(seeker.accountId(), ids);
    Person me = Person.of(seeker, behaviour.getOrDefault(seeker.accountId(), PersonSignals.NONE));
    Optional<PreferenceModel> model = holder.active().learned();
    double[] mine = new double[candidates.size()];
    double[] theirs = new double[candidates.size()];
    if (model.isPresent()) {
      List<Features> pairs = new ArrayList<>(2 * candidates.size());
      for (Candidate c : candidates) {
        Person them = Person.of(c, behaviour.getOrDefault(c.accountId(), PersonSignals.NONE));
        pairs.add(PairFeatures.of(me, them, c.distanceKm(), seeker.today(), PairFeatures.BUCKETS));
        pairs.add(PairFeatures.of(them, me, c.distanceKm(), seeker.today(), PairFeatures.BUCKETS));
      }
      double[] p = model.get().like(pairs);
      for (int i = 0; i < candidates.size(); i++) {
        mine[i] = p[2 * i];
        theirs[i] = p[2 * i + 1];
      }
    } else {
      for (int i = 0; i < candidates.size(); i++) {
        Candidate c = candidates.get(i);
        mine[i] = simple.score(seeker, c);
        theirs[i] = simple.score(asSeeker(c, seeker), asCandidate(me, c.distanceKm()));
      }
    }
    List<Scored> scored = new ArrayList<>(candidates.size());
    for (int i = 0; i < candidates.size(); i++) {
      Candidate c = candidates.get(i);
      PersonSignals s = behaviour.getOrDefault(c.accountId(), PersonSignals.NONE);
      boolean liked = likedMe.contains(c.accountId());
      scored.add(
          new Scored(
              c.accountId(),
              Reciprocal.score(mine[i], liked ? 1 : theirs[i]),
              liked,
              s.shown() < rarelyShown,
              s.shownToday()));
    }
    Map<UUID, Candidate> byId = new HashMap<>();
    candidates.forEach(c -> byId.put(c.accountId(), c));
    return new FeedOrder(explorationShare, likedYouPerTen, exposureCap)
        .order(scored).ids().stream().map(byId::get).toList();
  }

  /** Of these candidates, who liked (or super-liked) the seeker already. */
  private Set<UUID> likedMe(UUID me, List<UUID> candidates) {
    @SuppressWarnings("unchecked")
    List<String> rows =
        em.createNativeQuery(LIKED_ME)
            .setParameter(1, me)
            .setParameter(
                2, candidates.stream().map(UUID::toString).collect(Collectors.joining(",")))
            .getResultList();
    return rows.stream().map(UUID::fromString).collect(Collectors.toCollection(HashSet::new));
  }

  /** The candidate as a seeker (for the content-only guess of whether they like the seeker). */
  private static Seeker asSeeker(Candidate c, Seeker seeker) {
    return new Seeker(
        c.accountId(),
        c.gender(),
        List.of(),
        c.age(),
        c.ageMin(),
        c.ageMax(),
        c.maxDistanceKm(),
        0,
        0,
        c.interests(),
        seeker.today());
  }

  private static Candidate asCandidate(Person me, double distanceKm) {
    return new Candidate(
        me.id(),
        distanceKm,
        me.lastActiveDay(),
        me.interests(),
        (int) Math.round(me.signals().likesIn()),
        (int) Math.round(me.signals().passesIn()));
  }
}
