package app.dating.discovery.boundary;

import java.util.List;

/** A page of the feed; {@code next} continues this feed session (nobody repeats within it). */
public record FeedPage(List<FeedCard> candidates, String next) {}
