package app.dating.discovery.control;

import app.dating.discovery.control.PairFeatures.Features;
import app.dating.discovery.control.PreferenceModel.Labelled;
import app.dating.discovery.control.PreferenceModel.Settings;
import app.dating.discovery.control.PreferenceModel.Trained;
import app.dating.discovery.entity.RankingModel;
import app.dating.shared.problem.BusinessException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Trains a new version of the model from the newest {@code ranking.training-examples} swipes
 * between active accounts (a deleted account's swipes leave the training data at once, and its rows
 * are erased later), and stores it. Each swipe is an example of its swiper's taste:
 *
 * <ul>
 *   <li>label: like (a super-like too) or pass; a like the swiper took back later, by unmatching,
 *       blocking or reporting the other, counts as a pass;
 *   <li>weight: {@code 2^(-age / ranking.training-half-life)}; half for a swipe made within a
 *       second of the card showing ({@code dwellMs}, when the app sends it); 1.5 for a super-like.
 * </ul>
 */
@Stateless
public class ModelTraining {
  private static final Logger LOG = Logger.getLogger(ModelTraining.class.getName());

  static final String SWIPES =
      "select cast(s.swiper_id as varchar), cast(s.target_id as varchar), s.kind, s.created_at, s.dwell_ms,"
          + " (exists (select 1 from block b where b.blocker_id = s.swiper_id and b.blocked_id = s.target_id)"
          + "  or exists (select 1 from report r where r.reporter_id = s.swiper_id and r.reported_id = s.target_id)"
          + "  or exists (select 1 from match m where m.user_a = least(s.swiper_id, s.target_id)"
          + "     and m.user_b = greatest(s.swiper_id, s.target_id) and m.ended_by = s.swiper_id"
          + "     and m.ended_reason in ('UNMATCH', 'BLOCK'))) as regretted"
          + " from swipe s"
          + " join account a on a.id = s.swiper_id and a.status = 'ACTIVE'"
          + " join account b on b.id = s.target_id and b.status = 'ACTIVE'"
          + " order by s.created_at desc limit ?1";

  static final String PEOPLE =
      "with recent as (select s.swiper_id, s.target_id from swipe s order by s.created_at desc limit ?1)"
          + " select cast(p.account_id as varchar), p.gender, a.birth_date, p.age_min, p.age_max,"
          + " p.max_distance_km, p.cell_lat, p.cell_lon, p.last_active_day,"
          + " (select string_agg(cast(i.interest_id as varchar), ',') from profile_interest i where i.account_id = p.account_id)"
          + " from profile p join account a on a.id = p.account_id and a.status = 'ACTIVE'"
          + " where p.account_id in (select swiper_id from recent union select target_id from recent)";

  @PersistenceContext EntityManager em;
  @Inject Signals signals;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "ranking.training-examples", defaultValue = "1000000")
  int maxExamples;

  @Inject
  @ConfigProperty(name = "ranking.training-half-life", defaultValue = "P30D")
  Duration trainingHalfLife;

  @Inject
  @ConfigProperty(name = "ranking.factors", defaultValue = "8")
  int factors;

  @Inject
  @ConfigProperty(name = "ranking.epochs", defaultValue = "5")
  int epochs;

  /**
   * AdaGrad's initial learning rate: lower overfits less on many noisy swipes (benchmarks/README).
   */
  @Inject
  @ConfigProperty(name = "ranking.learning-rate", defaultValue = "0.1")
  double learningRate;

  /** A person with where they are (for the distance of a pair). */
  record Located(Person person, double lat, double lon) {}

  /**
   * Trains and stores a new version; its figures.
   *
   * @throws BusinessException (conflict) while there are too few swipes, or only likes or passes
   */
  public RankingModel.Figures train() {
    Instant now = clock.instant();
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    Map<UUID, Located> people = people(today);
    List<Labelled> examples = examples(people, now, today);
    if (examples.size() < 20
        || examples.stream().allMatch(Labelled::like)
        || examples.stream().noneMatch(Labelled::like)) {
      throw BusinessException.conflict(
          "Too few swipes to learn from yet ("
              + examples.size()
              + "): at least 20, with likes and passes.");
    }
    Trained trained =
        PreferenceModel.train(
            examples, new Settings(factors, epochs, learningRate, now.toEpochMilli()));
    RankingModel model =
        new RankingModel(
            now,
            trained.examples(),
            people.size(),
            trained.auc(),
            trained.millis(),
            trained.model().bytes());
    em.persist(model);
    em.flush();
    LOG.info(() -> "Ranking model trained: " + model.figures());
    return model.figures();
  }

  private Map<UUID, Located> people(LocalDate today) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em.createNativeQuery(PEOPLE).setParameter(1, maxExamples).getResultList();
    Map<UUID, PersonSignals> behaviour =
        signals.of(rows.stream().map(r -> UUID.fromString((String) r[0])).toList());
    Map<UUID, Located> people = new HashMap<>();
    for (Object[] r : rows) {
      if (r[6] == null || r[2] == null) {
        continue; // no place or no age: never in a feed
      }
      UUID id = UUID.fromString((String) r[0]);
      LocalDate born = day(r[2]);
      people.put(
          id,
          new Located(
              new Person(
                  id,
                  (String) r[1],
                  java.time.Period.between(born, today).getYears(),
                  ((Number) r[3]).intValue(),
                  ((Number) r[4]).intValue(),
                  ((Number) r[5]).intValue(),
                  interests((String) r[9]),
                  r[8] == null ? null : day(r[8]),
                  behaviour.getOrDefault(id, PersonSignals.NONE)),
              ((Number) r[6]).doubleValue(),
              ((Number) r[7]).doubleValue()));
    }
    return people;
  }

  private List<Labelled> examples(Map<UUID, Located> people, Instant now, LocalDate today) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em.createNativeQuery(SWIPES).setParameter(1, maxExamples).getResultList();
    double halfLifeSeconds = Math.max(1, trainingHalfLife.toSeconds());
    List<Labelled> examples = new ArrayList<>(rows.size());
    for (int i = rows.size() - 1; i >= 0; i--) { // oldest first
      Object[] r = rows.get(i);
      Located s = people.get(UUID.fromString((String) r[0]));
      Located t = people.get(UUID.fromString((String) r[1]));
      if (s == null || t == null) {
        continue;
      }
      String kind = (String) r[2];
      Instant at = instant(r[3]);
      Integer dwellMs = r[4] == null ? null : ((Number) r[4]).intValue();
      boolean regretted = Boolean.TRUE.equals(r[5]);
      boolean like = !"PASS".equals(kind) && !regretted;
      examples.add(
          new Labelled(
              features(s, t, today),
              like,
              weight(Duration.between(at, now).toSeconds(), halfLifeSeconds, kind, dwellMs)));
    }
    return examples;
  }

  Features features(Located s, Located t, LocalDate today) {
    return PairFeatures.of(
        s.person(),
        t.person(),
        PairFeatures.km(s.lat(), s.lon(), t.lat(), t.lon()),
        today,
        PairFeatures.BUCKETS);
  }

  /** An example's weight: its age, how considered it was, a super-like's emphasis. */
  static float weight(long ageSeconds, double halfLifeSeconds, String kind, Integer dwellMs) {
    double w = Math.pow(2, -Math.max(0, ageSeconds) / halfLifeSeconds);
    if (dwellMs != null && dwellMs < 1000) {
      w *= 0.5;
    }
    if ("SUPERLIKE".equals(kind)) {
      w *= 1.5;
    }
    return (float) w;
  }

  private static Set<Integer> interests(String csv) {
    return csv == null || csv.isEmpty()
        ? Set.of()
        : Arrays.stream(csv.split(",")).map(Integer::valueOf).collect(Collectors.toSet());
  }

  private static LocalDate day(Object value) {
    return value instanceof LocalDate d ? d : ((java.sql.Date) value).toLocalDate();
  }

  private static Instant instant(Object value) {
    if (value instanceof Instant i) {
      return i;
    }
    if (value instanceof java.time.OffsetDateTime o) {
      return o.toInstant();
    }
    return ((java.sql.Timestamp) value).toInstant();
  }
}
