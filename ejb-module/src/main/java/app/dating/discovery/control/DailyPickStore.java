package app.dating.discovery.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The {@code daily_pick} table: the job writes a day's picks in batches, each in a transaction of
 * its own; readers see the newest pick that has not expired.
 */
@Stateless
public class DailyPickStore {
  /** A person's pick for {@code day}, as stored. */
  public record Row(UUID account, UUID pick, boolean mutual, int rank) {}

  /** A stored pick as the reader needs it. */
  public record Current(UUID pick, LocalDate day, Instant expiresAt) {}

  static final String UPSERT =
      "insert into daily_pick (account_id, day, pick_id, mutual, pick_rank, computed_at, expires_at)"
          + " select a, ?5, p, m, r, ?6, ?7 from unnest("
          + " cast(string_to_array(?1, ',') as uuid[]), cast(string_to_array(?2, ',') as uuid[]),"
          + " cast(string_to_array(?3, ',') as boolean[]), cast(string_to_array(?4, ',') as smallint[]))"
          + " as t(a, p, m, r)"
          + " on conflict (account_id, day) do update set pick_id = excluded.pick_id,"
          + " mutual = excluded.mutual, pick_rank = excluded.pick_rank,"
          + " computed_at = excluded.computed_at, expires_at = excluded.expires_at";

  @PersistenceContext EntityManager em;

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void write(List<Row> rows, LocalDate day, Instant computedAt, Instant expiresAt) {
    if (rows.isEmpty()) {
      return;
    }
    em.createNativeQuery(UPSERT)
        .setParameter(1, rows.stream().map(r -> r.account().toString()).collect(joining()))
        .setParameter(2, rows.stream().map(r -> r.pick().toString()).collect(joining()))
        .setParameter(3, rows.stream().map(r -> String.valueOf(r.mutual())).collect(joining()))
        .setParameter(4, rows.stream().map(r -> String.valueOf(r.rank())).collect(joining()))
        .setParameter(5, day)
        .setParameter(6, computedAt)
        .setParameter(7, expiresAt)
        .executeUpdate();
  }

  /**
   * Ends a run: the day's picks an earlier run wrote for people who have none now go, and picks a
   * week past their expiry too. Returns how many rows went.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int finish(LocalDate day, Instant computedAt, Instant purgeExpiredBefore) {
    return em.createNativeQuery("delete from daily_pick where day = ?1 and computed_at < ?2")
            .setParameter(1, day)
            .setParameter(2, computedAt)
            .executeUpdate()
        + em.createNativeQuery("delete from daily_pick where expires_at < ?1")
            .setParameter(1, purgeExpiredBefore)
            .executeUpdate();
  }

  /** The person's newest pick that has not expired at {@code now}. */
  public Optional<Current> current(UUID account, Instant now) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select cast(pick_id as varchar), day, expires_at from daily_pick"
                    + " where account_id = ?1 and expires_at > ?2"
                    + " order by computed_at desc limit 1")
            .setParameter(1, account)
            .setParameter(2, now)
            .getResultList();
    return rows.stream()
        .findFirst()
        .map(r -> new Current(UUID.fromString((String) r[0]), localDate(r[1]), instant(r[2])));
  }

  /** A run as stored in {@code daily_pick_run}. */
  public record Run(
      UUID id,
      String status,
      LocalDate day,
      Instant startedAt,
      Instant finishedAt,
      int people,
      int picks,
      int mutualPairs,
      int oneSided,
      int setAside,
      boolean stable,
      long listsMillis) {}

  /** Notes a run that starts now, in a transaction of its own. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void started(UUID run, LocalDate day, Instant at, UUID by) {
    em.createNativeQuery(
            "insert into daily_pick_run (id, day, started_at, started_by, status)"
                + " values (?1, ?2, ?3, cast(?4 as uuid), 'RUNNING')")
        .setParameter(1, run)
        .setParameter(2, day)
        .setParameter(3, at)
        .setParameter(4, by == null ? null : by.toString())
        .executeUpdate();
  }

  /** Notes how a run ended: DONE with its counts, or FAILED. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void finished(
      UUID run,
      String status,
      Instant at,
      int people,
      int picks,
      int mutualPairs,
      int oneSided,
      int setAside,
      boolean stable,
      long listsMillis) {
    em.createNativeQuery(
            "update daily_pick_run set status = ?2, finished_at = ?3, people = ?4, picks = ?5,"
                + " mutual_pairs = ?6, one_sided = ?7, set_aside = ?8, stable = ?9, lists_millis = ?10"
                + " where id = ?1")
        .setParameter(1, run)
        .setParameter(2, status)
        .setParameter(3, at)
        .setParameter(4, people)
        .setParameter(5, picks)
        .setParameter(6, mutualPairs)
        .setParameter(7, oneSided)
        .setParameter(8, setAside)
        .setParameter(9, stable)
        .setParameter(10, listsMillis)
        .executeUpdate();
  }

  public Optional<Run> run(UUID id) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select cast(id as varchar), status, day, started_at, finished_at, people, picks,"
                    + " mutual_pairs, one_sided, set_aside, stable, lists_millis"
                    + " from daily_pick_run where id = ?1")
            .setParameter(1, id)
            .getResultList();
    return rows.stream()
        .findFirst()
        .map(
            r ->
                new Run(
                    UUID.fromString((String) r[0]),
                    (String) r[1],
                    localDate(r[2]),
                    instant(r[3]),
                    r[4] == null ? null : instant(r[4]),
                    ((Number) r[5]).intValue(),
                    ((Number) r[6]).intValue(),
                    ((Number) r[7]).intValue(),
                    ((Number) r[8]).intValue(),
                    ((Number) r[9]).intValue(),
                    (Boolean) r[10],
                    ((Number) r[11]).longValue()));
  }

  /** Erasure: the person's picks and their place in others' picks. */
  public void erase(UUID account) {
    em.createNativeQuery("delete from daily_pick where account_id = ?1 or pick_id = ?1")
        .setParameter(1, account)
        .executeUpdate();
  }

  private static java.util.stream.Collector<CharSequence, ?, String> joining() {
    return Collectors.joining(",");
  }

  private static LocalDate localDate(Object value) {
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
