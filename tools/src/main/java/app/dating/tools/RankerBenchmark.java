package app.dating.tools;

import app.dating.discovery.control.PairFeatures;
import app.dating.discovery.control.PairFeatures.Features;
import app.dating.discovery.control.Person;
import app.dating.discovery.control.PersonSignals;
import app.dating.discovery.control.PreferenceModel;
import app.dating.discovery.control.PreferenceModel.Labelled;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * The learned ranker offline (no server, no database): a synthetic population with hidden taste (a
 * latent taste and appeal vector per person, and content that shows part of it), its swipes, the
 * model trained on them as the retrain does, and then:
 *
 * <ul>
 *   <li>training time (the time-split AUC model and the final one), examples, offline AUC;
 *   <li>the stored model's size, and the heap one loaded copy takes (what each instance holds);
 *   <li>candidate pairs scored per second on one core: a seeker and a pool of candidates, both
 *       directions' features built and predicted, as the feed does (medians of the runs).
 * </ul>
 */
final class RankerBenchmark {
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);
  private static final int LATENT = 4;

  private static final java.lang.management.ThreadMXBean CPU =
      java.lang.management.ManagementFactory.getThreadMXBean();

  private RankerBenchmark() {}

  record Synthetic(Person person, double[] taste, double[] appeal) {}

  static void run(Options options) throws Exception {
    int users = options.integer("users", "100000");
    int swipesPerUser = options.integer("swipes-per-user", "20");
    int maxExamples = options.integer("max-examples", "1000000");
    int pool = options.integer("candidates", "200");
    int factors = options.integer("factors", "8");
    int epochs = options.integer("epochs", "5");
    double learningRate = Double.parseDouble(options.get("learning-rate", null, "0.1"));
    int seconds = options.integer("seconds", "5");
    int runs = options.integer("runs", "3");
    Random random = new Random(42);

    System.out.printf(
        "ranker: %d cores, %d users, %d swipes each (at most %d examples), pool %d, %d factors,"
            + " %d epochs%n",
        Runtime.getRuntime().availableProcessors(),
        users,
        swipesPerUser,
        maxExamples,
        pool,
        factors,
        epochs);
    List<Synthetic> people = new ArrayList<>(users);
    for (int i = 0; i < users; i++) {
      people.add(person(random));
    }
    int n = (int) Math.min((long) users * swipesPerUser, maxExamples);
    List<Labelled> examples = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Synthetic s = people.get(random.nextInt(users));
      Synthetic t = people.get(random.nextInt(users));
      if (s == t) {
        continue;
      }
      double distance = 100 * random.nextDouble();
      Features f = PairFeatures.of(s.person(), t.person(), distance, TODAY, PairFeatures.BUCKETS);
      examples.add(new Labelled(f, random.nextDouble() < likes(s, t, distance), 1f));
    }
    System.out.printf("swipes made: %d%n", examples.size());

    long cpuBefore = CPU.getCurrentThreadCpuTime();
    PreferenceModel.Trained trained =
        PreferenceModel.train(
            examples, new PreferenceModel.Settings(factors, epochs, learningRate, 42));
    double trainingCpu = (CPU.getCurrentThreadCpuTime() - cpuBefore) / 1e9;
    byte[] bytes = trained.model().bytes();
    System.out.printf(
        "training: %.1f s wall, %.1f s CPU of its one thread (both fits: the time-split one and the"
            + " final), %d examples, AUC %.3f%n",
        trained.millis() / 1000.0, trainingCpu, trained.examples(), trained.auc());
    System.out.printf(
        "model: %.1f MiB stored, %d features%n",
        bytes.length / 1048576.0, trained.model().features());
    examples = null;
    trained = null;

    long before = usedHeap();
    PreferenceModel model = PreferenceModel.read(bytes);
    long after = usedHeap();
    System.out.printf(
        "model memory per instance: %.1f MiB of heap (one loaded copy)%n",
        (after - before) / 1048576.0);

    double[] rates = new double[runs];
    double[] cpuRates = new double[runs];
    for (int run = -1; run < runs; run++) { // run -1 warms up
      long pairs = 0;
      long until = System.nanoTime() + seconds * 1_000_000_000L;
      long start = System.nanoTime();
      long cpuStart = CPU.getCurrentThreadCpuTime();
      while (System.nanoTime() < until) {
        Synthetic seeker = people.get(random.nextInt(users));
        List<Features> batch = new ArrayList<>(2 * pool);
        for (int c = 0; c < pool; c++) {
          Synthetic v = people.get(random.nextInt(users));
          double distance = 100 * random.nextDouble();
          batch.add(
              PairFeatures.of(seeker.person(), v.person(), distance, TODAY, PairFeatures.BUCKETS));
          batch.add(
              PairFeatures.of(v.person(), seeker.person(), distance, TODAY, PairFeatures.BUCKETS));
        }
        double[] p = model.like(batch);
        if (p.length != 2 * pool) {
          throw new IllegalStateException();
        }
        pairs += pool;
      }
      if (run >= 0) {
        rates[run] = pairs / ((System.nanoTime() - start) / 1e9);
        cpuRates[run] = pairs / ((CPU.getCurrentThreadCpuTime() - cpuStart) / 1e9);
      }
    }
    Arrays.sort(rates);
    Arrays.sort(cpuRates);
    System.out.printf(
        "scoring: %.0f candidate pairs per CPU second of one core (%.0f per wall second; median of"
            + " %d × %d s; a pair is both directions: 2 predictions), per CPU second %s%n",
        cpuRates[runs / 2],
        rates[runs / 2],
        runs,
        seconds,
        Arrays.toString(Arrays.stream(cpuRates).mapToLong(Math::round).toArray()));
    if (model.features() < 0) {
      System.out.println(); // keeps the model reachable until here
    }
  }

  private static long usedHeap() throws InterruptedException {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }

  private static Synthetic person(Random random) {
    double[] taste = new double[LATENT];
    double[] appeal = new double[LATENT];
    for (int k = 0; k < LATENT; k++) {
      taste[k] = random.nextGaussian();
      appeal[k] = random.nextGaussian();
    }
    int age = 20 + random.nextInt(30);
    Set<Integer> interests =
        Set.of(random.nextInt(40), 40 + random.nextInt(40), 80 + random.nextInt(40));
    Person p =
        new Person(
            new UUID(random.nextLong(), random.nextLong()),
            random.nextBoolean() ? "man" : "woman",
            age,
            Math.max(18, age - 5),
            age + 8,
            50 + random.nextInt(100),
            interests,
            TODAY.minusDays(random.nextInt(10)),
            PersonSignals.NONE);
    return new Synthetic(p, taste, appeal);
  }

  /** Hidden: latent taste meets appeal; nearer and closer in age helps a little. */
  private static double likes(Synthetic s, Synthetic t, double distance) {
    double x = -0.5 - distance / 200 - Math.abs(s.person().age() - t.person().age()) / 20.0;
    for (int k = 0; k < LATENT; k++) {
      x += 0.6 * s.taste()[k] * t.appeal()[k];
    }
    return 1 / (1 + Math.exp(-x));
  }
}
