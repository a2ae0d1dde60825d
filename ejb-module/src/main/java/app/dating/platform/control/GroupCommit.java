package app.dating.platform.control;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Group commit: callers hand in an item and wait for its outcome; writer threads take what has
 * queued up, up to a batch, and do it in one transaction ({@code together}: a transactional bean's
 * method, one outcome per item, in order). Alone, an item is a batch of one; under load one
 * connection, one commit and a few statements serve many (a transaction was most of an item's cost).
 * If a batch's transaction fails as a whole, its items are done one by one, each in a batch of its
 * own, so each caller gets its own answer.
 *
 * <p>Threads come from the caller's factory (the managed one in the server): Payara's managed
 * executors capture context per task, which cost more than the work (README, pitfalls).
 *
 * @param <T> what a caller hands in
 * @param <R> what a caller gets back
 */
public final class GroupCommit<T, R> implements AutoCloseable {
  /** How long a caller waits for its outcome. */
  static final long WAIT_SECONDS = 30;
  private static final Logger LOG = Logger.getLogger(GroupCommit.class.getName());

  /** What became of one item: its result, or why it was refused (the exception its caller gets). */
  public record Outcome<R>(R result, RuntimeException refused) {
    public static <R> Outcome<R> of(R result) {
      return new Outcome<>(result, null);
    }

    public static <R> Outcome<R> refusal(RuntimeException why) {
      return new Outcome<>(null, why);
    }
  }

  private record Queued<T, R>(T item, CompletableFuture<R> outcome) {}

  private final String name;
  private final int batch;
  private final Function<List<T>, List<Outcome<R>>> together;
  private final BlockingQueue<Queued<T, R>> queue = new LinkedBlockingQueue<>();
  private final ExecutorService writers;

  /**
   * Starts {@code writers} threads, each doing up to {@code batch} items at a time with {@code together}.
   */
  public GroupCommit(String name, ThreadFactory threads, int writers, int batch, Function<List<T>, List<Outcome<R>>> together) {
    this.name = name;
    this.batch = batch;
    this.together = together;
    this.writers = Executors.newFixedThreadPool(writers, threads);
    for (int i = 0; i < writers; i++) {
      this.writers.execute(this::write);
    }
  }

  /** Does an item with the others queued now and returns its result, or throws why it was refused. */
  public R submit(T item) {
    Queued<T, R> queued = new Queued<>(item, new CompletableFuture<>());
    queue.add(queued);
    try {
      return queued.outcome().get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException refused ? refused : new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + name, e);
    } catch (TimeoutException e) {
      throw new IllegalStateException(name + " did not answer within " + WAIT_SECONDS + " s", e);
    }
  }

  /** How many items wait for a writer. */
  int queued() {
    return queue.size();
  }

  @Override
  public void close() {
    writers.shutdownNow();
  }

  private void write() {
    List<Queued<T, R>> taken = new ArrayList<>();
    while (!Thread.currentThread().isInterrupted()) {
      try {
        taken.add(queue.take());
      } catch (InterruptedException e) {
        return;
      }
      queue.drainTo(taken, batch - 1);
      doTogether(taken);
      taken.clear();
    }
  }

  private void doTogether(List<Queued<T, R>> taken) {
    List<Outcome<R>> outcomes;
    try {
      outcomes = together.apply(taken.stream().map(Queued::item).toList());
    } catch (RuntimeException e) {
      if (taken.size() == 1) {
        taken.get(0).outcome().completeExceptionally(e);
        return;
      }
      LOG.log(Level.INFO, name + ": a batch of " + taken.size() + " failed; doing its items one by one", e);
      taken.forEach(one -> doTogether(List.of(one)));
      return;
    }
    for (int i = 0; i < taken.size(); i++) {
      Outcome<R> outcome = outcomes.get(i);
      if (outcome.refused() != null) {
        taken.get(i).outcome().completeExceptionally(outcome.refused());
      } else {
        taken.get(i).outcome().complete(outcome.result());
      }
    }
  }
}
