package app.dating.discovery.control;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The person asking for candidates, with what the hard filters need. */
public record Seeker(
    UUID accountId,
    String gender,
    List<String> wantedGenders,
    int age,
    int ageMin,
    int ageMax,
    int maxDistanceKm,
    double latitude,
    double longitude,
    Set<Integer> interests,
    LocalDate today) {}
