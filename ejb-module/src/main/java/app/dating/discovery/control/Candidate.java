package app.dating.discovery.control;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/** Someone who passed every hard filter, with what the ranker weighs. */
public record Candidate(UUID accountId, double distanceKm, LocalDate lastActiveDay, Set<Integer> interests, int likesIn, int passesIn) {}
