package app.dating.discovery.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * People's decayed behaviour sums ({@code person_signal}): read for a seeker and their candidates
 * in one statement, decayed to now; written in batches by {@link SignalWriter}. Each event counts
 * {@code exp(-age / tau)}, {@code tau = ranking.signal-half-life / ln 2}: what someone did a
 * half-life ago counts half.
 */
@ApplicationScoped
public class Signals {
  static final String READ =
      "select cast(account_id as varchar), likes_in * d, passes_in * d, likes_out * d, passes_out * d,"
          + " negative_in * d, matches * d, shown * d, case when shown_day = ?3 then shown_today else 0 end"
          + " from (select s.*, exp(-greatest(0, extract(epoch from (cast(?2 as timestamptz) - s.updated_at))) / ?4) as d"
          + " from person_signal s where s.account_id = any(cast(string_to_array(?1, ',') as uuid[]))) x";

  private static final String DECAY =
      "exp(-greatest(0, extract(epoch from (excluded.updated_at - person_signal.updated_at))) / ?4)";

  static final String UPSERT =
      "insert into person_signal (account_id, likes_in, passes_in, likes_out, passes_out, negative_in,"
          + " matches, shown, shown_day, shown_today, updated_at)"
          + " select u.id, u.li, u.pi, u.lo, u.po, u.neg, u.m, u.sh, cast(?3 as date), cast(u.sh as integer), ?2"
          + " from json_to_recordset(cast(?1 as json)) as u(id uuid, li float8, pi float8, lo float8,"
          + " po float8, neg float8, m float8, sh float8)"
          + " where exists (select 1 from account a where a.id = u.id)"
          + " on conflict (account_id) do update set"
          + decayed("likes_in")
          + ","
          + decayed("passes_in")
          + ","
          + decayed("likes_out")
          + ","
          + decayed("passes_out")
          + ","
          + decayed("negative_in")
          + ","
          + decayed("matches")
          + ","
          + decayed("shown")
          + ", shown_today = case when person_signal.shown_day = excluded.shown_day"
          + " then person_signal.shown_today + excluded.shown_today else excluded.shown_today end,"
          + " shown_day = excluded.shown_day,"
          + " updated_at = greatest(person_signal.updated_at, excluded.updated_at)";

  private static String decayed(String column) {
    return " " + column + " = person_signal." + column + " * " + DECAY + " + excluded." + column;
  }

  @PersistenceContext EntityManager em;

  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "ranking.signal-half-life", defaultValue = "P14D")
  Duration halfLife;

  /** Seconds of the decay's time constant. */
  double tau() {
    return Math.max(1, halfLife.toSeconds()) / Math.log(2);
  }

  /** The signals of these people, decayed to now; someone without a row has none yet. */
  public Map<UUID, PersonSignals> of(Collection<UUID> people) {
    Map<UUID, PersonSignals> signals = new HashMap<>();
    if (people.isEmpty()) {
      return signals;
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(READ)
            .setParameter(1, people.stream().map(UUID::toString).collect(Collectors.joining(",")))
            .setParameter(2, clock.instant())
            .setParameter(3, LocalDate.now(clock.withZone(ZoneOffset.UTC)))
            .setParameter(4, tau())
            .getResultList();
    for (Object[] r : rows) {
      signals.put(
          UUID.fromString((String) r[0]),
          new PersonSignals(
              d(r[1]), d(r[2]), d(r[3]), d(r[4]), d(r[5]), d(r[6]), d(r[7]), (int) d(r[8])));
    }
    return signals;
  }

  private static double d(Object value) {
    return value == null ? 0 : ((Number) value).doubleValue();
  }
}
