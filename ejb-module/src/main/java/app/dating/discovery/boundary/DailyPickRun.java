package app.dating.discovery.boundary;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A run of the daily picks, as operators see it. {@code ran} is false when the day was claimed
 * already (another instance, or an earlier run as scheduled), and then every count is 0.
 *
 * @param people who took part (active, verified, discoverable, with a place)
 * @param picks who got a pick
 * @param mutualPairs pairs who are each other's pick (the stable matching)
 * @param oneSided picks of people the matching left single: their best acceptable candidate
 * @param setAside people set aside where no stable matching existed
 * @param stable whether every part of the population had a stable matching
 * @param listsMillis time spent building the preference lists (the candidate queries and ranking)
 * @param millis the whole run
 */
public record DailyPickRun(
    boolean ran,
    LocalDate day,
    Instant expiresAt,
    int people,
    int picks,
    int mutualPairs,
    int oneSided,
    int setAside,
    boolean stable,
    long listsMillis,
    long millis) {}
