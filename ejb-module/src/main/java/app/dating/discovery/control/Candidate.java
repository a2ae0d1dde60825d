package app.dating.discovery.control;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * Someone who passed every hard filter, with what the rankers weigh: the learned ranker also sees
 * the candidate's own filters (gender, age, age range, maximum distance), to guess whether they
 * would like the seeker back.
 */
public record Candidate(
    UUID accountId,
    double distanceKm,
    LocalDate lastActiveDay,
    Set<Integer> interests,
    int likesIn,
    int passesIn,
    String gender,
    int age,
    int ageMin,
    int ageMax,
    int maxDistanceKm) {

  /** A candidate known by what {@link SimpleRanker} weighs only (filters unknown: wide open). */
  public Candidate(
      UUID accountId,
      double distanceKm,
      LocalDate lastActiveDay,
      Set<Integer> interests,
      int likesIn,
      int passesIn) {
    this(accountId, distanceKm, lastActiveDay, interests, likesIn, passesIn, null, 0, 18, 99, 300);
  }
}
