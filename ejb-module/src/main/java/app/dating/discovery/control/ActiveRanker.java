package app.dating.discovery.control;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * The {@link Ranker} the feed (and whoever injects a {@code Ranker}) gets: the one chosen in {@code
 * ranking_setting} ({@link ModelHolder}), the same on every instance. {@code learned} ({@link
 * LearnedRanker}, the default), {@code simple} ({@link SimpleRanker}), and two baselines for
 * evaluations: {@code random} (a shuffle) and {@code popularity} (most likes received first).
 */
@Alternative
@Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 100)
@ApplicationScoped
public class ActiveRanker implements Ranker {
  @Inject ModelHolder holder;
  @Inject LearnedRanker learned;
  @Inject SimpleRanker simple;

  private final Random random = new Random();

  @Override
  public List<Candidate> rank(Seeker seeker, List<Candidate> candidates) {
    return switch (holder.active().ranker()) {
      case LEARNED -> learned.rank(seeker, candidates);
      case SIMPLE -> simple.rank(seeker, candidates);
      case RANDOM -> shuffled(candidates);
      case POPULARITY -> popular(candidates);
    };
  }

  private List<Candidate> shuffled(List<Candidate> candidates) {
    List<Candidate> order = new ArrayList<>(candidates);
    Collections.shuffle(order, random);
    return order;
  }

  static List<Candidate> popular(List<Candidate> candidates) {
    return candidates.stream()
        .sorted(
            Comparator.comparingInt(Candidate::likesIn)
                .reversed()
                .thenComparing(Candidate::accountId))
        .toList();
  }
}
