package app.dating.discovery.control;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * One side of a pair as the learned ranker sees it: filters, interests, activity and recent
 * behaviour. The same view serves both directions (seeker considers candidate, and back) and both
 * training and scoring, so the features cannot drift apart.
 */
public record Person(
    UUID id,
    String gender,
    int age,
    int ageMin,
    int ageMax,
    int maxDistanceKm,
    Set<Integer> interests,
    LocalDate lastActiveDay,
    PersonSignals signals) {

  public static Person of(Seeker seeker, PersonSignals signals) {
    return new Person(
        seeker.accountId(),
        seeker.gender(),
        seeker.age(),
        seeker.ageMin(),
        seeker.ageMax(),
        seeker.maxDistanceKm(),
        seeker.interests(),
        seeker.today(),
        signals);
  }

  public static Person of(Candidate candidate, PersonSignals signals) {
    return new Person(
        candidate.accountId(),
        candidate.gender(),
        candidate.age(),
        candidate.ageMin(),
        candidate.ageMax(),
        candidate.maxDistanceKm(),
        candidate.interests(),
        candidate.lastActiveDay(),
        signals);
  }
}
