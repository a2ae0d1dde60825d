package app.dating.tools;

import app.dating.media.control.PhotoProcessor;
import app.dating.media.control.ProcessedPhoto;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;

/**
 * How fast the photo pipeline ({@link PhotoProcessor} with its defaults: 1080/640/320 px,
 * progressive JPEG at 0.82) handles a camera-sized upload, and what it costs in heap: {@code
 * photo-pipeline-bench [--width 4000] [--height 3000] [--quality 0.92] [--warmup 3] [--runs 10]}.
 *
 * <p>The input is generated: a 12-megapixel JPEG (quality 0.92) of gradients, soft shapes and
 * sensor-like noise, so it weighs what a phone photo weighs (several MB) rather than compressing to
 * nothing, with an EXIF block carrying an orientation and a GPS position, as phones write them.
 *
 * <p>Heap is sampled every 2 ms by a background thread ({@link MemoryMXBean} heap used, garbage
 * included, so it is what the process needs at that -Xmx, not the live set); the peak is reported
 * for one photo at a time and for one thread per core.
 */
final class PhotoPipelineBenchmark {
  private PhotoPipelineBenchmark() {}

  static void run(Options options) throws Exception {
    int width = options.integer("width", "4000");
    int height = options.integer("height", "3000");
    float quality = Float.parseFloat(options.get("quality", null, "0.92"));
    int warmup = options.integer("warmup", "3");
    int runs = options.integer("runs", "10");
    if (runs < 1 || warmup < 0 || width < 1 || height < 1) {
      throw new IllegalArgumentException("--runs ≥ 1, --warmup ≥ 0, --width and --height ≥ 1");
    }
    int cores = Runtime.getRuntime().availableProcessors();
    PhotoProcessor processor = new PhotoProcessor();

    byte[] original = SamplePhotos.withExif(SamplePhotos.jpeg(SamplePhotos.photoLike(width, height, 42), quality));
    System.out.printf(
        Locale.ROOT,
        "input: %d × %d JPEG (%.1f megapixels) at quality %.2f with EXIF (GPS, orientation): %,d bytes%n",
        width, height, width * (double) height / 1e6, quality, original.length);
    System.out.printf(
        Locale.ROOT,
        "pipeline: targets %s px, progressive JPEG quality %.2f; JPEG reader %s%n",
        processor.targetSizes(), processor.jpegQuality(), jpegReaderName());
    System.out.printf(
        Locale.ROOT,
        "cores (available processors): %d; max heap (-Xmx): %d MiB%n",
        cores, Runtime.getRuntime().maxMemory() >> 20);

    for (int i = 0; i < warmup; i++) {
      processor.process(original);
    }

    HeapSampler heap = new HeapSampler();
    ProcessedPhoto last = null;
    double[] millis = new double[runs];
    heap.reset();
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      last = processor.process(original);
      millis[i] = (System.nanoTime() - start) / 1e6;
    }
    long singlePeak = heap.peak();
    Arrays.sort(millis);
    double median = PasswordHashBenchmark.median(millis);
    System.out.printf(
        Locale.ROOT,
        "one photo, one thread: median %.0f ms, p90 %.0f ms (min %.0f, max %.0f) over %d runs%n",
        median, PasswordHashBenchmark.percentile(millis, 90), millis[0], millis[runs - 1], runs);
    System.out.printf(
        Locale.ROOT, "photos/s per core: %.2f (1000 ÷ median ms)%n", 1000 / median);
    System.out.printf(
        Locale.ROOT, "peak heap used, one thread: %d MiB%n", singlePeak >> 20);

    // One thread per core, each processing a few photos.
    int perThread = Math.max(3, runs);
    ExecutorService pool = Executors.newFixedThreadPool(cores);
    try {
      System.gc();
      heap.reset();
      List<Future<?>> done = new ArrayList<>();
      long start = System.nanoTime();
      for (int t = 0; t < cores; t++) {
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < perThread; i++) {
                    processor.process(original);
                  }
                  return null;
                }));
      }
      for (Future<?> future : done) {
        future.get();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "%d threads at once: %d photos in %.2f s ≈ %.2f photos/s (%.2f per core)%n",
          cores, cores * perThread, seconds, cores * perThread / seconds,
          cores * perThread / seconds / cores);
      System.out.printf(
          Locale.ROOT, "peak heap used, %d threads: %d MiB%n", cores, heap.peak() >> 20);
    } finally {
      pool.shutdownNow();
      heap.stop();
    }

    long variantBytes = last.variants().stream().mapToLong(v -> v.jpeg().length).sum();
    String each =
        last.variants().stream()
            .map(v -> String.format(Locale.ROOT, "%d×%d %,d B", v.width(), v.height(), v.jpeg().length))
            .collect(Collectors.joining(", "));
    System.out.printf(Locale.ROOT, "variants: %s%n", each);
    System.out.printf(
        Locale.ROOT,
        "bytes: original %,d, all variants %,d: %,d saved (%.1f %%)%n",
        original.length, variantBytes, original.length - variantBytes,
        100.0 * (original.length - variantBytes) / original.length);
  }

  private static String jpegReaderName() {
    Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
    return readers.hasNext() ? readers.next().getClass().getName() : "none";
  }

  /** Samples heap used every 2 ms; {@link #peak} is the highest since the last {@link #reset}. */
  private static final class HeapSampler {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final AtomicLong peak = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    HeapSampler() {
      thread =
          new Thread(
              () -> {
                while (running) {
                  long used = memory.getHeapMemoryUsage().getUsed();
                  peak.accumulateAndGet(used, Math::max);
                  try {
                    Thread.sleep(2);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              },
              "heap-sampler");
      thread.setDaemon(true);
      thread.start();
    }

    void reset() {
      peak.set(memory.getHeapMemoryUsage().getUsed());
    }

    long peak() {
      return Math.max(peak.get(), memory.getHeapMemoryUsage().getUsed());
    }

    void stop() {
      running = false;
      thread.interrupt();
    }
  }
}
