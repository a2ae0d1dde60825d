package app.dating.matching.boundary;

import app.dating.matching.boundary.Matching.PendingSwipe;
import app.dating.matching.entity.SwipeKind;
import app.dating.platform.control.GroupCommit;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * Swipes with group commit ({@link GroupCommit}): what has queued up, up to {@value #BATCH} swipes,
 * is done in one transaction ({@link Matching#swipeAll}), and each caller gets its answer once it
 * committed. A swipe's own transaction (lock, reads, writes, commit) was most of its cost.
 */
@ApplicationScoped
public class SwipeWriter {
  static final int BATCH = 128;

  /** Two, so one batch is built while the other commits (as {@code ChatWriter}). */
  static final int WRITERS = 2;

  @Inject Matching matching;

  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ManagedThreadFactory threads;

  private GroupCommit<PendingSwipe, SwipeResult> writer;

  @PostConstruct
  void start() {
    writer = new GroupCommit<>("swipe writer", threads, WRITERS, BATCH, matching::swipeAll);
  }

  @PreDestroy
  void stop() {
    writer.close();
  }

  /** Swipes, and says whether it made a match; or throws why it was refused. */
  public SwipeResult swipe(UUID me, UUID target, SwipeKind kind) {
    return swipe(me, target, kind, null);
  }

  /** The same, with how long the card was on screen before (milliseconds; null: not known). */
  public SwipeResult swipe(UUID me, UUID target, SwipeKind kind, Integer dwellMs) {
    return writer.submit(new PendingSwipe(me, target, kind, dwellMs));
  }
}
