package app.dating.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dating.platform.control.GroupCommit.Outcome;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupCommitTest {
  private final List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
  private final ExecutorService callers = Executors.newFixedThreadPool(16);
  private GroupCommit<Integer, String> commit;

  @AfterEach
  void stop() {
    callers.shutdownNow();
    commit.close();
  }

  /** Doubles each item; refuses negative ones; a batch holding 13 fails as a whole. */
  private List<Outcome<String>> work(List<Integer> items) {
    batches.add(items);
    if (items.size() > 1 && items.contains(13)) {
      throw new IllegalStateException("a batch with 13 fails");
    }
    return items.stream()
        .map(i -> i < 0 ? Outcome.<String>refusal(new IllegalArgumentException("negative: " + i)) : Outcome.of("=" + 2 * i))
        .toList();
  }

  private void start(int batch, Function<List<Integer>, List<Outcome<String>>> together) {
    commit = new GroupCommit<>("test", Executors.defaultThreadFactory(), 1, batch, together);
  }

  @Test
  void aCallerGetsItsOwnResult() {
    start(8, this::work);
    assertEquals("=42", commit.submit(21));
    assertEquals(List.of(List.of(21)), batches, "alone, an item is a batch of one");
  }

  @Test
  void itemsQueuedWhileABatchRunsGoTogetherInTheNext() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<String> first = holdFirstBatch(release);
    List<CompletableFuture<String>> queued = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      int item = i;
      queued.add(CompletableFuture.supplyAsync(() -> commit.submit(item), callers));
    }
    awaitQueued(10);
    release.countDown();
    assertEquals("=0", first.get(5, TimeUnit.SECONDS));
    for (int i = 1; i <= 10; i++) {
      assertEquals("=" + 2 * i, queued.get(i - 1).get(5, TimeUnit.SECONDS));
    }
    assertEquals(List.of(1, 8, 2), batches.stream().map(List::size).toList(), "10 queued items: a batch of 8, then the rest");
  }

  @Test
  void aRefusalReachesOnlyItsCaller() throws Exception {
    start(8, this::work);
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> commit.submit(-1));
    assertEquals("negative: -1", refused.getMessage());
    assertEquals("=2", commit.submit(1));
  }

  @Test
  void aBatchThatFailsIsDoneOneByOne() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<String> first = holdFirstBatch(release);
    CompletableFuture<String> twelve = CompletableFuture.supplyAsync(() -> commit.submit(12), callers);
    CompletableFuture<String> thirteen = CompletableFuture.supplyAsync(() -> commit.submit(13), callers);
    awaitQueued(2);
    release.countDown();
    first.get(5, TimeUnit.SECONDS);
    assertEquals("=24", twelve.get(5, TimeUnit.SECONDS));
    assertEquals("=26", thirteen.get(5, TimeUnit.SECONDS), "alone, 13 goes through");
    assertEquals(4, batches.size(), "the batch of two, then each alone: " + batches);
    assertEquals(List.of(12), batches.get(2));
    assertEquals(List.of(13), batches.get(3));
  }

  @Test
  void aFailureAloneReachesItsCaller() {
    IllegalStateException broken = new IllegalStateException("broken");
    start(8, items -> {
      throw broken;
    });
    assertSame(broken, assertThrows(IllegalStateException.class, () -> commit.submit(1)));
  }

  /** Starts with a first batch (of item 0) that runs until {@code release} opens; returns once it runs. */
  private CompletableFuture<String> holdFirstBatch(CountDownLatch release) throws InterruptedException {
    CountDownLatch started = new CountDownLatch(1);
    start(8, items -> {
      if (items.contains(0)) {
        started.countDown();
        await(release);
      }
      return work(items);
    });
    CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> commit.submit(0), callers);
    assertTrue(started.await(5, TimeUnit.SECONDS), "the first batch runs");
    return first;
  }

  private void awaitQueued(int items) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (commit.queued() < items && System.nanoTime() < until) {
      Thread.sleep(5);
    }
    assertEquals(items, commit.queued(), "items waiting in the queue");
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
