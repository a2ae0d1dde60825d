package app.dating.tools;

import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * How long one Argon2id password hash takes here, and so how many logins per second the machine's
 * cores could verify at most: {@code password-hash-bench [--memory-kib 19456] [--iterations 2]
 * [--parallelism 1] [--warmup 5] [--runs 30]}. The defaults are the application's (OWASP's).
 *
 * <p>A verify costs one hash, so the ceiling is cores ÷ hash time. It then checks that ceiling
 * with one thread per core hashing at once (memory bandwidth, not the cores, can be the limit).
 */
final class PasswordHashBenchmark {
  private PasswordHashBenchmark() {}

  static void run(Options options) throws Exception {
    int memoryKib = options.integer("memory-kib", "19456");
    int iterations = options.integer("iterations", "2");
    int parallelism = options.integer("parallelism", "1");
    int warmup = options.integer("warmup", "5");
    int runs = options.integer("runs", "30");
    if (runs < 1 || warmup < 0) {
      throw new IllegalArgumentException("--runs must be at least 1, --warmup at least 0");
    }
    int cores = Runtime.getRuntime().availableProcessors();
    Argon2 argon2 = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id);
    char[] password = "benchmark-password-123".toCharArray();

    System.out.printf(
        Locale.ROOT,
        "Argon2id m=%d KiB, t=%d, p=%d; %d warm-up + %d measured hashes%n",
        memoryKib, iterations, parallelism, warmup, runs);
    System.out.printf(Locale.ROOT, "cores (available processors): %d%n", cores);

    for (int i = 0; i < warmup; i++) {
      argon2.hash(iterations, memoryKib, parallelism, password);
    }
    double[] millis = new double[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      argon2.hash(iterations, memoryKib, parallelism, password);
      millis[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(millis);
    double median = median(millis);
    double p90 = percentile(millis, 90);
    System.out.printf(
        Locale.ROOT,
        "one hash: median %.1f ms, p90 %.1f ms (min %.1f, max %.1f)%n",
        median, p90, millis[0], millis[runs - 1]);
    System.out.printf(
        Locale.ROOT,
        "ceiling: logins/s ≈ cores ÷ hash time = %d ÷ %.1f ms ≈ %.0f/s%n",
        cores, median, cores * 1000 / median);

    // The ceiling, measured: one thread per core, each hashing a few times.
    int perThread = Math.max(3, runs / 3);
    ExecutorService pool = Executors.newFixedThreadPool(cores);
    try {
      List<Future<?>> done = new ArrayList<>();
      long start = System.nanoTime();
      for (int t = 0; t < cores; t++) {
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < perThread; i++) {
                    argon2.hash(iterations, memoryKib, parallelism, password);
                  }
                }));
      }
      for (Future<?> future : done) {
        future.get();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "measured with %d threads at once: %d hashes in %.2f s ≈ %.0f/s%n",
          cores, cores * perThread, seconds, cores * perThread / seconds);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Median of sorted values. */
  static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** Nearest-rank percentile of sorted values. */
  static double percentile(double[] sorted, int percent) {
    int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }
}
