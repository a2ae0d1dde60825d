package app.dating.discovery.control;

import app.dating.shared.problem.BusinessException;
import jakarta.ejb.AsyncResult;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * The daily pick's inputs, read in chunks (each in a transaction of its own, so a run over the
 * whole population holds no long transaction): who takes part, and each person's preference list —
 * the feed's candidates (every hard filter both ways, the visibility rule, not swiped by them),
 * ordered by the feed's {@link Ranker}, less whoever already swiped them.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DailyPickLists {
  /**
   * Who takes part: discoverable, with a location, active since {@code ?1}, and allowed to look at
   * others ({@code may_browse}: an active account with a verified address). Ordered by 1° cells of
   * latitude and longitude, so a chunk's people are neighbours and their candidate queries read the
   * same part of the geo index.
   */
  static final String POPULATION =
      "select cast(p.account_id as varchar) from profile p"
          + " where p.visibility = 'DISCOVERABLE' and p.cell_lat is not null"
          + " and p.last_active_day >= ?1 and may_browse(p.account_id)"
          + " order by floor(p.cell_lat), floor(p.cell_lon), p.account_id";

  /** Which of the candidates ({@code ?2}) swiped which of the chunk's people ({@code ?1}). */
  static final String SWIPED_BY_CANDIDATES =
      "select cast(swiper_id as varchar), cast(target_id as varchar) from swipe"
          + " where target_id = any(cast(string_to_array(?1, ',') as uuid[]))"
          + " and swiper_id = any(cast(string_to_array(?2, ',') as uuid[]))";

  @PersistenceContext EntityManager em;
  @Inject Seekers seekers;
  @Inject CandidateGenerator generator;
  @Inject Ranker ranker;

  public List<UUID> population(LocalDate activeSince) {
    @SuppressWarnings("unchecked")
    List<String> ids =
        em.createNativeQuery(POPULATION).setParameter(1, activeSince).getResultList();
    return ids.stream().map(UUID::fromString).toList();
  }

  /** {@link #lists} on a thread of the container's, so a run can build two chunks at once. */
  @Asynchronous
  public Future<Map<UUID, List<UUID>>> listsAsync(List<UUID> chunk, int candidates, int length) {
    return new AsyncResult<>(lists(chunk, candidates, length));
  }

  /**
   * Each person's list, best first, at most {@code length} long, ranked from their {@code
   * candidates} nearest candidates. Someone whose profile or place went missing since the
   * population was read has no list.
   */
  public Map<UUID, List<UUID>> lists(List<UUID> chunk, int candidates, int length) {
    Map<UUID, List<UUID>> ranked = new LinkedHashMap<>();
    for (UUID person : chunk) {
      Seeker seeker;
      try {
        seeker = seekers.of(person);
      } catch (BusinessException gone) {
        continue;
      }
      ranked.put(
          person,
          ranker.rank(seeker, generator.candidates(seeker, List.of(), candidates)).stream()
              .map(Candidate::accountId)
              .toList());
    }
    Set<String> swiped = swipedBy(ranked);
    Map<UUID, List<UUID>> lists = new LinkedHashMap<>();
    ranked.forEach(
        (person, list) ->
            lists.put(
                person,
                list.stream()
                    .filter(c -> !swiped.contains(c + ">" + person))
                    .limit(length)
                    .toList()));
    return lists;
  }

  /** "swiper>target" for every swipe of a candidate on the person whose candidate they are. */
  private Set<String> swipedBy(Map<UUID, List<UUID>> ranked) {
    Set<UUID> all = new HashSet<>();
    ranked.values().forEach(all::addAll);
    if (all.isEmpty()) {
      return Set.of();
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(SWIPED_BY_CANDIDATES)
            .setParameter(1, join(ranked.keySet()))
            .setParameter(2, join(all))
            .getResultList();
    Set<String> swiped = new HashSet<>();
    for (Object[] row : rows) {
      swiped.add(row[0] + ">" + row[1]);
    }
    return swiped;
  }

  static String join(Collection<UUID> ids) {
    return ids.stream().map(UUID::toString).collect(Collectors.joining(","));
  }

  static List<List<UUID>> chunks(List<UUID> people, int size) {
    List<List<UUID>> chunks = new ArrayList<>();
    for (int from = 0; from < people.size(); from += size) {
      chunks.add(people.subList(from, Math.min(people.size(), from + size)));
    }
    return chunks;
  }
}
