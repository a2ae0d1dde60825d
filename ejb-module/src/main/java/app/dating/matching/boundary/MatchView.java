package app.dating.matching.boundary;

import java.time.Instant;
import java.util.UUID;

/** A match as one of the two sees it: the other person's name and primary photo. */
public record MatchView(UUID id, UUID personId, String displayName, UUID photoId, Instant matchedAt, Instant lastActivityAt) {}
