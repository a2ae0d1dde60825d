package app.dating.tools;

import app.dating.media.control.PhotoProcessor;
import app.dating.media.control.ProcessedPhoto;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

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

    byte[] original = withExif(jpeg(photoLike(width, height, 42), quality));
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

  /**
   * A photograph's statistics, roughly: smooth gradients, a few soft blobs of colour (low
   * frequencies) and per-pixel noise (the high frequencies that make camera JPEGs weigh megabytes).
   */
  static BufferedImage photoLike(int width, int height, long seed) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Random random = new Random(seed);
    int blobs = 12;
    double[][] blob = new double[blobs][];
    for (int i = 0; i < blobs; i++) {
      blob[i] =
          new double[] {
            random.nextDouble() * width, random.nextDouble() * height,
            (0.05 + random.nextDouble() * 0.2) * width,
            random.nextInt(160) - 80, random.nextInt(160) - 80, random.nextInt(160) - 80
          };
    }
    int[] row = new int[width];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        double r = 40 + 150.0 * x / width;
        double g = 60 + 120.0 * y / height;
        double b = 110 + 50 * Math.sin((x + 2 * y) / 300.0);
        for (double[] o : blob) {
          double dx = x - o[0];
          double dy = y - o[1];
          double weight = Math.exp(-(dx * dx + dy * dy) / (2 * o[2] * o[2]));
          r += weight * o[3];
          g += weight * o[4];
          b += weight * o[5];
        }
        int noise = random.nextInt(25) - 12;
        row[x] = clamp(r + noise) << 16 | clamp(g + noise) << 8 | clamp(b + random.nextInt(9) - 4);
      }
      image.setRGB(0, y, width, 1, row, 0, width);
    }
    return image;
  }

  private static int clamp(double v) {
    return (int) Math.max(0, Math.min(255, Math.round(v)));
  }

  static byte[] jpeg(BufferedImage image, float quality) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(quality);
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  /**
   * The JPEG with an APP1 Exif segment after its JFIF header: a big-endian TIFF whose IFD0 holds
   * orientation 1 and a GPS IFD (48°51'24"N 2°21'3"E), as a phone's camera writes it.
   */
  static byte[] withExif(byte[] jpeg) {
    ByteBuffer tiff = ByteBuffer.allocate(140);
    tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
    tiff.putShort((short) 2);
    tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) 1).putShort((short) 0);
    int gpsIfd = 38;
    tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(gpsIfd);
    tiff.putInt(0);
    int data = gpsIfd + 2 + 4 * 12 + 4;
    tiff.putShort((short) 4);
    tiff.putShort((short) 0x0001).putShort((short) 2).putInt(2).put((byte) 'N').put(new byte[3]);
    tiff.putShort((short) 0x0002).putShort((short) 5).putInt(3).putInt(data);
    tiff.putShort((short) 0x0003).putShort((short) 2).putInt(2).put((byte) 'E').put(new byte[3]);
    tiff.putShort((short) 0x0004).putShort((short) 5).putInt(3).putInt(data + 24);
    tiff.putInt(0);
    tiff.putInt(48).putInt(1).putInt(51).putInt(1).putInt(24).putInt(1);
    tiff.putInt(2).putInt(1).putInt(21).putInt(1).putInt(3).putInt(1);
    byte[] header = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
    int length = 2 + header.length + tiff.capacity();

    int at = 2;
    if ((jpeg[2] & 0xFF) == 0xFF && (jpeg[3] & 0xFF) == 0xE0) {
      at = 4 + ((jpeg[4] & 0xFF) << 8 | (jpeg[5] & 0xFF));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length + length + 2);
    out.write(jpeg, 0, at);
    out.write(0xFF);
    out.write(0xE1);
    out.write(length >> 8);
    out.write(length & 0xFF);
    out.writeBytes(header);
    out.writeBytes(tiff.array());
    out.write(jpeg, at, jpeg.length - at);
    return out.toByteArray();
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
