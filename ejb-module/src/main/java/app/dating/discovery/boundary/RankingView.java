package app.dating.discovery.boundary;

import java.util.List;

/**
 * The feed's ranking as operators see it: the ranker in use ({@code learned}, {@code simple},
 * {@code random}, {@code popularity}), the model version in use (none before the first model),
 * whether it is pinned (a rollback) rather than the newest, and every version with its figures,
 * newest first.
 */
public record RankingView(
    String ranker, Integer modelVersion, boolean pinned, List<ModelVersionView> versions) {}
