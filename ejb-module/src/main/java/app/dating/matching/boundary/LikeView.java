package app.dating.matching.boundary;

import java.time.Instant;
import java.util.UUID;

/** Someone who liked you and whom you have not swiped on yet. */
public record LikeView(UUID personId, String displayName, boolean superlike, Instant likedAt) {}
