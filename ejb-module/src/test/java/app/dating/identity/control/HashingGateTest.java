package app.dating.identity.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dating.shared.problem.ProblemType;
import app.dating.shared.problem.RateLimitedException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The cap on concurrent password hashes: a short queue, then 503 with Retry-After. */
class HashingGateTest {
  private final ExecutorService threads = Executors.newCachedThreadPool();

  @AfterEach
  void stop() {
    threads.shutdownNow();
  }

  /** Holds one turn of {@code gate} until {@code release} opens; returns once it holds it. */
  private Future<String> holdTurn(HashingGate gate, CountDownLatch release) throws Exception {
    CountDownLatch holding = new CountDownLatch(1);
    Future<String> held =
        threads.submit(
            () ->
                gate.run(
                    () -> {
                      holding.countDown();
                      try {
                        release.await();
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                      return "done";
                    }));
    assertTrue(holding.await(5, TimeUnit.SECONDS));
    return held;
  }

  @Test
  void beyondTheCapACallerWaitsItsQueueTimeThenGets503WithRetryAfter() throws Exception {
    HashingGate gate = new HashingGate(1, Duration.ofMillis(100));
    CountDownLatch release = new CountDownLatch(1);
    Future<String> held = holdTurn(gate, release);

    long started = System.nanoTime();
    RateLimitedException busy =
        assertThrows(RateLimitedException.class, () -> gate.run(() -> "never"));
    long waitedMillis = (System.nanoTime() - started) / 1_000_000;

    assertEquals(ProblemType.UNAVAILABLE, busy.type());
    assertEquals(503, busy.type().status());
    assertEquals(1, busy.retryAfterSeconds());
    assertTrue(waitedMillis >= 90, "waited in the queue first: " + waitedMillis + " ms");
    release.countDown();
    assertEquals("done", held.get(5, TimeUnit.SECONDS));
    assertEquals("next", gate.run(() -> "next"), "the turn is given back");
  }

  @Test
  void aQueuedCallerGetsTheTurnWhenItFreesInTime() throws Exception {
    HashingGate gate = new HashingGate(1, Duration.ofSeconds(5));
    CountDownLatch release = new CountDownLatch(1);
    holdTurn(gate, release);
    Future<String> queued = threads.submit(() -> gate.run(() -> "queued"));
    Thread.sleep(100);
    release.countDown();
    assertEquals("queued", queued.get(5, TimeUnit.SECONDS));
  }

  @Test
  void neverMoreThanTheCapAtOnce() throws Exception {
    HashingGate gate = new HashingGate(2, Duration.ofSeconds(10));
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    java.util.List<Future<Integer>> all = new java.util.ArrayList<>();
    for (int i = 0; i < 20; i++) {
      all.add(
          threads.submit(
              () ->
                  gate.run(
                      () -> {
                        most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                        try {
                          Thread.sleep(5);
                        } catch (InterruptedException e) {
                          Thread.currentThread().interrupt();
                        }
                        return inside.decrementAndGet();
                      })));
    }
    for (Future<Integer> f : all) {
      f.get(10, TimeUnit.SECONDS);
    }
    assertEquals(2, most.get());
  }

  @Test
  void aTurnIsGivenBackWhenTheWorkFails() {
    HashingGate gate = new HashingGate(1, Duration.ofMillis(50));
    assertThrows(
        IllegalStateException.class,
        () ->
            gate.run(
                () -> {
                  throw new IllegalStateException("broken");
                }));
    assertEquals("ok", gate.run(() -> "ok"));
  }

  @Test
  void noCapMeansOneTurnPerProcessor() {
    assertEquals(
        Runtime.getRuntime().availableProcessors(),
        new HashingGate(0, Duration.ofSeconds(1)).maxConcurrent());
  }

  /** The hasher passes every hash and verify through its gate; a refused hash still wipes. */
  @Test
  void theHasherWaitsForATurnAndARefusedHashStillWipesThePassword() throws Exception {
    HashingGate gate = new HashingGate(1, Duration.ofMillis(20));
    PasswordHasher hasher = new PasswordHasher(1024, 1, 1, gate);
    String hash = hasher.hash("secret words".toCharArray());
    CountDownLatch release = new CountDownLatch(1);
    holdTurn(gate, release);

    char[] password = "secret words".toCharArray();
    assertThrows(RateLimitedException.class, () -> hasher.hash(password));
    assertArrayEquals(new char[12], password);
    assertThrows(
        RateLimitedException.class, () -> hasher.verify(hash, "secret words".toCharArray()));
    assertThrows(RateLimitedException.class, () -> hasher.burn("a guess".toCharArray()));
    assertEquals(
        false, hasher.verify("not a hash", "x".toCharArray()), "no turn for what is no hash");
    release.countDown();
    Thread.sleep(50);
    assertTrue(hasher.verify(hash, "secret words".toCharArray()));
  }
}
