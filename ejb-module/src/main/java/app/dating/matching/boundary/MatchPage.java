package app.dating.matching.boundary;

import java.util.List;

/** A page of matches, newest activity first; {@code next} is the cursor of the following page, or null. */
public record MatchPage(List<MatchView> matches, String next) {}
