package app.dating.discovery.boundary;

import java.util.List;
import java.util.UUID;

/** A candidate as the feed shows them: enough to swipe on; the full profile is a tap away. */
public record FeedCard(UUID id, String displayName, int age, String gender, String intent, String bio, int distanceKm,
    List<Integer> interests, List<UUID> photos) {}
