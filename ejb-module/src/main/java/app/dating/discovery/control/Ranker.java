package app.dating.discovery.control;

import java.util.List;

/**
 * Orders candidates for a seeker, best first. Implementations are CDI beans; a better one replaces
 * {@link SimpleRanker} as an {@code @Alternative} with a higher {@code @Priority}, and nothing else
 * changes.
 */
public interface Ranker {

  List<Candidate> rank(Seeker seeker, List<Candidate> candidates);
}
