package app.dating.discovery.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Finds the candidates that pass every hard filter, both ways, nearest first: shown to the seeker
 * at all (the visibility rule, {@code profiles_visible_to}: discoverable, an active and verified
 * account, not the seeker, not blocked either way), within both maximum distances, each in the
 * other's wanted genders and age range; not already swiped, not served earlier in this feed session
 * (matched people were swiped, so they are out too).
 *
 * <p>Geo search: cube + earthdistance, a GiST index on {@code (age_min, age_max,
 * ll_to_earth(cell))} (btree_gist for the ages); {@code earth_box} bounds the search to the
 * seeker's radius, the ages skip the people whose range leaves the seeker out, and {@code <->}
 * walks the index nearest first, so the query stops after {@code limit} hits however many people
 * live in the box (see {@link #planNearestFirst}). The ages are compared as smallints, the columns'
 * type: an int comparison is not one the btree_gist operator class can use, and the index would
 * only be walked by distance. {@code profiles_visible_to} is inlined by PostgreSQL (a plain SQL
 * function), so the walk is the same as with the rule written out here.
 */
@ApplicationScoped
public class CandidateGenerator {
  static final String QUERY =
      "select cast(p.account_id as varchar), p.last_active_day,"
          + " earth_distance(ll_to_earth(?1, ?2), ll_to_earth(p.cell_lat, p.cell_lon)) / 1000.0,"
          + " coalesce(st.likes_in, 0), coalesce(st.passes_in, 0),"
          + " p.gender, p.birth_date, p.age_min, p.age_max, p.max_distance_km"
          + " from profiles_visible_to(?4) p"
          + " left join swipe_stats st on st.account_id = p.account_id"
          + " where p.cell_lat is not null"
          + " and earth_box(ll_to_earth(?1, ?2), ?3) @> ll_to_earth(p.cell_lat, p.cell_lon)"
          + " and earth_distance(ll_to_earth(?1, ?2), ll_to_earth(p.cell_lat, p.cell_lon)) <= least(?3, p.max_distance_km * 1000.0)"
          + " and (?5 = '' or p.gender = any(string_to_array(?5, ',')))"
          + " and (cardinality(p.wanted_genders) = 0 or ?6 = any(p.wanted_genders))"
          + " and p.birth_date > ?7 and p.birth_date <= ?8"
          + " and p.age_min <= cast(?9 as smallint) and p.age_max >= cast(?9 as smallint)"
          + " and not exists (select 1 from swipe s where s.swiper_id = ?4 and s.target_id = p.account_id)"
          + " and p.account_id <> all(cast(string_to_array(?10, ',') as uuid[]))"
          + " order by ll_to_earth(p.cell_lat, p.cell_lon) <-> ll_to_earth(?1, ?2)"
          + " limit ?11";

  @PersistenceContext EntityManager em;

  public List<Candidate> candidates(Seeker seeker, Collection<UUID> served, int limit) {
    LocalDate bornAfter = seeker.today().minusYears(seeker.ageMax() + 1L);
    LocalDate bornBy = seeker.today().minusYears(seeker.ageMin());
    planNearestFirst(true);
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(QUERY)
            .setParameter(1, seeker.latitude())
            .setParameter(2, seeker.longitude())
            .setParameter(3, seeker.maxDistanceKm() * 1000.0)
            .setParameter(4, seeker.accountId())
            .setParameter(5, String.join(",", seeker.wantedGenders()))
            .setParameter(6, seeker.gender() == null ? "" : seeker.gender())
            .setParameter(7, bornAfter)
            .setParameter(8, bornBy)
            .setParameter(9, seeker.age())
            .setParameter(10, served.stream().map(UUID::toString).collect(Collectors.joining(",")))
            .setParameter(11, limit)
            .getResultList();
    planNearestFirst(false);
    Map<UUID, Set<Integer>> interests =
        interests(rows.stream().map(r -> UUID.fromString((String) r[0])).toList());
    return rows.stream()
        .map(
            r -> {
              UUID id = UUID.fromString((String) r[0]);
              return new Candidate(
                  id,
                  ((Number) r[2]).doubleValue(),
                  day(r[1]),
                  interests.getOrDefault(id, Set.of()),
                  ((Number) r[3]).intValue(),
                  ((Number) r[4]).intValue(),
                  (String) r[5],
                  age(day(r[6]), seeker.today()),
                  ((Number) r[7]).intValue(),
                  ((Number) r[8]).intValue(),
                  ((Number) r[9]).intValue());
            })
        .toList();
  }

  /**
   * PostgreSQL estimates an {@code earth_box} match at a fixed handful of rows, so it would read
   * the whole box (100 k rows in a big city at 1 M users) and sort it. Without bitmap scans and
   * sorts for this one query it walks the GiST index nearest first and stops after {@code limit}
   * hits: 554 ms became 18 ms for a London seeker at 1 M users (benchmarks/matching-http).
   */
  private void planNearestFirst(boolean on) {
    String value = on ? "off" : "on";
    em.createNativeQuery(
            "select set_config('enable_bitmapscan', ?1, true), set_config('enable_sort', ?1, true)")
        .setParameter(1, value)
        .getSingleResult();
  }

  private Map<UUID, Set<Integer>> interests(List<UUID> ids) {
    Map<UUID, Set<Integer>> byAccount = new HashMap<>();
    if (ids.isEmpty()) {
      return byAccount;
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select cast(account_id as varchar), interest_id from profile_interest where account_id = any(cast(string_to_array(?1, ',') as uuid[]))")
            .setParameter(1, ids.stream().map(UUID::toString).collect(Collectors.joining(",")))
            .getResultList();
    for (Object[] row : rows) {
      byAccount
          .computeIfAbsent(UUID.fromString((String) row[0]), k -> new HashSet<>())
          .add(((Number) row[1]).intValue());
    }
    return byAccount;
  }

  private static int age(LocalDate born, LocalDate today) {
    return born == null ? 0 : java.time.Period.between(born, today).getYears();
  }

  private static LocalDate day(Object value) {
    if (value == null) {
      return null;
    }
    return value instanceof LocalDate d ? d : ((Date) value).toLocalDate();
  }
}
