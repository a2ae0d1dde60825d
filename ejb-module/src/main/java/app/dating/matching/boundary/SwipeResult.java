package app.dating.matching.boundary;

import java.util.UUID;

/** What a swipe did: whether it made a match (and which), and whether it was a repeat of the same swipe. */
public record SwipeResult(UUID targetId, String kind, boolean matched, UUID matchId, boolean repeated) {}
