package app.dating.media.control;

import app.dating.media.control.ProcessedPhoto.Variant;
import app.dating.shared.problem.InvalidInputException;
import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.spi.ImageWriterSpi;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import net.coobird.thumbnailator.Thumbnails;

/**
 * Turns an uploaded photo into what the apps are served: upright, stripped of all metadata, and
 * re-encoded at a few sizes as progressive JPEG. Pure computation (no I/O besides memory), so the
 * message-driven bean that runs it decides about storage, retries and status.
 *
 * <p>In order, each step only after the previous one passed:
 *
 * <ol>
 *   <li>the size limit ({@link #DEFAULT_MAX_BYTES} by default);
 *   <li>the format, from the magic bytes ({@link ImageFormat#sniff}): JPEG, PNG or WebP;
 *   <li>the pixel limit ({@link #DEFAULT_MAX_PIXELS}), from the dimensions in the header, read by an
 *       {@link ImageReader} without decoding any pixel, so a decompression bomb (a few kilobytes
 *       declaring 50,000 × 50,000 pixels) never reaches the decoder;
 *   <li>decoding, then sRGB 8-bit RGB (transparent pixels over white);
 *   <li>for each target long side (1080, 640, 320 by default) not above the original's: a
 *       quality-preserving downscale (Thumbnailator's progressive bilinear), each size from the
 *       previous one, then the EXIF orientation (all eight), applied to the small image rather than
 *       the 12-megapixel original;
 *   <li>encoding as progressive JPEG at the configured quality, written as a bare image: the JPEG
 *       writer gets no metadata, so the only segment besides the image itself is the JFIF header —
 *       no EXIF (and so no GPS), XMP, ICC profile or comment survives.
 * </ol>
 *
 * <p>Every rejection is an {@link InvalidInputException} on the field {@value #FIELD}: a client
 * error, and for a queued job a final one (no retry helps). Corrupt files, including truncated
 * ones, are rejected as unreadable rather than turned into half-grey photos. No {@link
 * IOException} or {@link OutOfMemoryError} escapes: a decompression bomb never gets to allocate, and
 * running out of heap on a photo within the limits (too many processed at once for the heap) is an
 * {@link IllegalStateException}, a transient failure for the queue to retry, not a rejection.
 *
 * <p>Heap: about 70 MiB per 12-megapixel JPEG in flight (measured by {@code
 * benchmarks/photo-pipeline}), mostly the decoded image; budget the number of concurrent workers
 * (the message-driven bean's pool) against it.
 *
 * <p>Thread-safe and stateless besides its limits: readers and writers are made per call.
 */
public final class PhotoProcessor {
  private static final Logger LOG = Logger.getLogger(PhotoProcessor.class.getName());

  /** The field rejections name, as the upload form calls it. */
  public static final String FIELD = "file";

  public static final long DEFAULT_MAX_BYTES = 15L * 1024 * 1024;
  public static final long DEFAULT_MAX_PIXELS = 40_000_000L;
  public static final List<Integer> DEFAULT_TARGET_SIZES = List.of(1080, 640, 320);
  public static final float DEFAULT_JPEG_QUALITY = 0.82f;

  static final String UNSUPPORTED = "Only JPEG, PNG and WebP photos are accepted.";
  static final String UNREADABLE = "This photo cannot be read.";

  /** Above this no target size makes sense for a phone screen, and scaling cost grows with it. */
  private static final int MAX_TARGET_SIZE = 8192;

  static {
    // ImageIO's registry of plugins is global to the JVM and filled from the class path the first
    // time anything uses ImageIO. In Payara that is usually the server itself, before the EAR is
    // deployed, so the TwelveMonkeys plugins in the EAR's lib/ (found through ServiceLoader) would
    // never be registered and JPEGs would go to the JDK's reader alone, WebP to nobody. Scanning
    // again, here, uses the thread's context class loader: the application's.
    ImageIO.scanForPlugins();
  }

  private final long maxBytes;
  private final long maxPixels;
  private final List<Integer> targetSizes;
  private final float jpegQuality;

  /** The defaults: 15 MiB, 40 megapixels, 1080/640/320 px, quality 0.82. */
  public PhotoProcessor() {
    this(DEFAULT_MAX_BYTES, DEFAULT_MAX_PIXELS, DEFAULT_TARGET_SIZES, DEFAULT_JPEG_QUALITY);
  }

  /**
   * @param maxBytes the largest upload accepted, in bytes
   * @param maxPixels the most pixels (width × height) decoded
   * @param targetSizes long sides of the variants, in pixels (order does not matter)
   * @param jpegQuality JPEG quality of the variants, above 0 and at most 1
   * @throws IllegalArgumentException when a limit is out of range
   */
  public PhotoProcessor(long maxBytes, long maxPixels, List<Integer> targetSizes, float jpegQuality) {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be positive");
    }
    if (maxPixels < 1) {
      throw new IllegalArgumentException("maxPixels must be positive");
    }
    Objects.requireNonNull(targetSizes, "targetSizes");
    if (targetSizes.isEmpty()
        || targetSizes.stream().anyMatch(s -> s == null || s < 1 || s > MAX_TARGET_SIZE)) {
      throw new IllegalArgumentException("targetSizes must be 1.." + MAX_TARGET_SIZE + " px");
    }
    if (!(jpegQuality > 0f && jpegQuality <= 1f)) {
      throw new IllegalArgumentException("jpegQuality must be in (0, 1]");
    }
    this.maxBytes = maxBytes;
    this.maxPixels = maxPixels;
    this.targetSizes =
        targetSizes.stream().distinct().sorted((a, b) -> Integer.compare(b, a)).toList();
    this.jpegQuality = jpegQuality;
  }

  /**
   * Checks, decodes and re-encodes one uploaded photo.
   *
   * @param original the uploaded bytes, untouched (not modified)
   * @throws InvalidInputException on field {@value #FIELD} when the photo is empty, too large in
   *     bytes or pixels, of another format, or cannot be decoded
   * @throws IllegalStateException when the heap runs out while processing a photo within the
   *     limits (too many at once): a transient failure, to retry, not the photo's fault
   */
  public ProcessedPhoto process(byte[] original) {
    if (original == null || original.length == 0) {
      throw invalid("The photo is empty.");
    }
    if (original.length > maxBytes) {
      throw invalid("The photo is larger than " + megabytes(maxBytes) + ".");
    }
    ImageFormat format = ImageFormat.sniff(original).orElseThrow(() -> invalid(UNSUPPORTED));
    String hash = sha256(original);

    try {
      return process(original, format, hash);
    } catch (OutOfMemoryError e) {
      // Within the pixel limit a photo needs about 6 bytes a pixel of heap (70 MiB for 12
      // megapixels): running out means too many photos at once for the heap, not a bad photo. So
      // not a rejection, which would be final, but a failure the queue retries later.
      LOG.log(Level.WARNING, "Out of memory processing a " + format + " photo", e);
      throw new IllegalStateException("Not enough heap to process the photo now; retry later");
    }
  }

  private ProcessedPhoto process(byte[] original, ImageFormat format, String hash) {
    BufferedImage decoded = decode(original, format);
    int orientation = orientation(original);
    BufferedImage rgb = toSrgb(decoded);
    decoded = null; // let the decoder's copy go before scaling

    boolean swaps = orientation >= 5;
    int uprightWidth = swaps ? rgb.getHeight() : rgb.getWidth();
    int uprightHeight = swaps ? rgb.getWidth() : rgb.getHeight();

    List<Variant> variants = new ArrayList<>();
    BufferedImage source = rgb;
    for (int longSide : longSides(Math.max(rgb.getWidth(), rgb.getHeight()))) {
      // Sizes from the original's proportions (not the previous variant's, whose rounding drifts).
      BufferedImage scaled = scale(source, fit(rgb.getWidth(), rgb.getHeight(), longSide));
      BufferedImage upright = Orientation.apply(scaled, orientation);
      variants.add(
          new Variant(longSide, upright.getWidth(), upright.getHeight(), encode(upright)));
      source = scaled; // the next, smaller size starts from this one: cheaper, same quality
    }
    return new ProcessedPhoto(hash, format, uprightWidth, uprightHeight, variants);
  }

  public long maxBytes() {
    return maxBytes;
  }

  public long maxPixels() {
    return maxPixels;
  }

  /** The target long sides, largest first. */
  public List<Integer> targetSizes() {
    return targetSizes;
  }

  public float jpegQuality() {
    return jpegQuality;
  }

  /**
   * The long sides to produce for an original whose long side is {@code originalLongSide}: the
   * targets that fit, plus the original's own size when it is smaller than the largest target (so a
   * small photo still has its full-detail variant). Never above the original.
   */
  List<Integer> longSides(int originalLongSide) {
    List<Integer> sides = new ArrayList<>();
    for (int target : targetSizes) {
      int side = Math.min(target, originalLongSide);
      if (!sides.contains(side)) {
        sides.add(side);
      }
    }
    return sides;
  }

  /**
   * The checks that need no decoding (size, format by content, pixel count from the header), cheap
   * enough to answer an upload at once; {@link #process} repeats them.
   *
   * @throws InvalidInputException as {@link #process} does
   */
  public ImageFormat inspect(byte[] original) {
    if (original == null || original.length == 0) {
      throw invalid("The photo is empty.");
    }
    if (original.length > maxBytes) {
      throw invalid("The photo is larger than " + megabytes(maxBytes) + ".");
    }
    ImageFormat format = ImageFormat.sniff(original).orElseThrow(() -> invalid(UNSUPPORTED));
    ImageReader reader = readerFor(format);
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(original))) {
      reader.setInput(in, true, true);
      checkPixels(reader);
      return format;
    } catch (InvalidInputException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.FINE, "Photo header could not be read", e);
      throw invalid(UNREADABLE);
    } finally {
      reader.dispose();
    }
  }

  /** Refuses a photo whose header declares more pixels than allowed (a decompression bomb), before decoding. */
  private void checkPixels(ImageReader reader) throws IOException {
    long width = reader.getWidth(0);
    long height = reader.getHeight(0);
    if (width < 1 || height < 1) {
      throw invalid(UNREADABLE);
    }
    if (width * height > maxPixels) {
      throw invalid(
          String.format(
              Locale.ROOT,
              "The photo has too many pixels (%d × %d); at most %.0f megapixels are accepted.",
              width, height, maxPixels / 1e6));
    }
  }

  /** Reads the dimensions, checks the pixel limit, then decodes the first image. */
  private BufferedImage decode(byte[] original, ImageFormat format) {
    ImageReader reader = readerFor(format);
    WarningRecorder warnings = new WarningRecorder();
    reader.addIIOReadWarningListener(warnings);
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(original))) {
      // Not ImageIO.createImageInputStream: with ImageIO's cache on, that buffers in a temp file.
      reader.setInput(in, true, true);
      checkPixels(reader);
      ImageReadParam param = reader.getDefaultReadParam();
      BufferedImage image = reader.read(0, param);
      if (warnings.truncated()) {
        // The decoders fill what is missing with grey and only warn: not a photo to publish.
        throw invalid(UNREADABLE);
      }
      return image;
    } catch (InvalidInputException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      // IIOException and the decoders' unchecked failures on corrupt data (index out of bounds,
      // illegal arguments, negative array sizes …): the file passed sniffing but is not an image.
      LOG.log(Level.FINE, "Photo could not be decoded", e);
      throw invalid(UNREADABLE);
    } finally {
      reader.dispose();
    }
  }

  /**
   * A reader for the sniffed format, chosen here rather than by {@link ImageIO#read}: that one
   * offers the bytes to every registered reader (BMP, GIF, TIFF, and whatever other applications on
   * the server registered), whereas only the format the magic bytes named may decode them, so the
   * decoders exposed to uploads are exactly three. For JPEG TwelveMonkeys' reader is preferred over
   * the JDK's: it reads CMYK/YCCK files and broken ICC profiles that the JDK's rejects.
   */
  private static ImageReader readerFor(ImageFormat format) {
    List<ImageReaderSpi> candidates = plugins(ImageReaderSpi.class, spi -> Arrays.asList(spi.getFormatNames()).contains(format.imageIoName()));
    ImageReaderSpi chosen = candidates.stream().filter(PhotoProcessor::isTwelveMonkeys).findFirst()
        .orElseGet(() -> candidates.isEmpty() ? null : candidates.get(0));
    if (chosen == null) {
      // A deployment fault (the plugin jars are missing), not the uploader's: not a 4xx.
      throw new IllegalStateException("No ImageIO reader for " + format + " on the class path");
    }
    try {
      return chosen.createReaderInstance();
    } catch (IOException e) {
      throw new IllegalStateException("cannot make an ImageIO reader for " + format, e);
    }
  }

  /**
   * The plugins of a kind that this deployment can use: the JDK's and those loaded by this
   * application's class loaders. ImageIO's registry is global to the JVM and outlives a
   * deployment, so it may still hold the plugins an earlier deployment registered; their class
   * loader is closed, and using them fails with NoClassDefFoundError ({@link #releasePlugins}
   * removes ours when the application stops).
   */
  static <T> List<T> plugins(Class<T> kind, java.util.function.Predicate<T> wanted) {
    List<T> usable = new ArrayList<>();
    IIORegistry.getDefaultInstance().getServiceProviders(kind, true)
        .forEachRemaining(spi -> {
          if (isOurs(spi) && wanted.test(spi)) {
            usable.add(spi);
          }
        });
    return usable;
  }

  private static boolean isOurs(Object spi) {
    ClassLoader loader = spi.getClass().getClassLoader();
    for (ClassLoader mine = PhotoProcessor.class.getClassLoader(); mine != null; mine = mine.getParent()) {
      if (mine == loader) {
        return true;
      }
    }
    return loader == null || loader == ClassLoader.getPlatformClassLoader();
  }

  /** Removes the plugins this application registered from ImageIO's JVM-wide registry (at undeployment). */
  public static void releasePlugins() {
    IIORegistry registry = IIORegistry.getDefaultInstance();
    for (Class<?> kind : List.of(ImageReaderSpi.class, ImageWriterSpi.class)) {
      List<Object> mine = new ArrayList<>();
      registry.getServiceProviders(kind, false).forEachRemaining(spi -> {
        ClassLoader loader = spi.getClass().getClassLoader();
        if (loader != null && loader != ClassLoader.getPlatformClassLoader() && isOurs(spi)) {
          mine.add(spi);
        }
      });
      mine.forEach(registry::deregisterServiceProvider);
    }
  }


  private static boolean isTwelveMonkeys(ImageReaderSpi spi) {
    return spi.getClass().getName().startsWith("com.twelvemonkeys.");
  }

  /**
   * The EXIF orientation (1 to 8) of the photo, 1 when it has none or it cannot be read: metadata
   * comes from the uploader, and an unreadable tag is no reason to reject a photo that decoded.
   */
  static int orientation(byte[] original) {
    try {
      Metadata metadata =
          ImageMetadataReader.readMetadata(new ByteArrayInputStream(original), original.length);
      ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
      if (ifd0 == null) {
        return 1;
      }
      Integer value = ifd0.getInteger(ExifIFD0Directory.TAG_ORIENTATION);
      return value != null && value >= 1 && value <= 8 ? value : 1;
    } catch (Exception | StackOverflowError e) {
      LOG.log(Level.FINE, "EXIF orientation unreadable; taken as upright", e);
      return 1;
    }
  }

  /**
   * The image as 8-bit sRGB without alpha. A JPEG decoded to 3-byte BGR in sRGB (the usual case)
   * is used as it is; anything else (alpha, grey, 16 bits, indexed, another colour space) is drawn
   * onto white, which also flattens transparency the way the apps would show it.
   */
  private static BufferedImage toSrgb(BufferedImage image) {
    int type = image.getType();
    boolean srgb = image.getColorModel().getColorSpace().isCS_sRGB();
    if (srgb
        && !image.getColorModel().hasAlpha()
        && (type == BufferedImage.TYPE_3BYTE_BGR || type == BufferedImage.TYPE_INT_RGB)) {
      return image;
    }
    BufferedImage rgb =
        new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = rgb.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
      if (!srgb && image.getColorModel().getColorSpace().getType() != ColorSpace.TYPE_GRAY) {
        LOG.fine(() -> "Converting from a non-sRGB colour space: " + image.getColorModel());
      }
      g.drawImage(image, 0, 0, null);
    } finally {
      g.dispose();
    }
    return rgb;
  }

  /** Width and height with the long side {@code longSide} and the proportions of w × h. */
  static int[] fit(int w, int h, int longSide) {
    if (w >= h) {
      return new int[] {longSide, (int) Math.max(1, Math.round((double) h * longSide / w))};
    }
    return new int[] {(int) Math.max(1, Math.round((double) w * longSide / h)), longSide};
  }

  /** The image scaled to {@code size} (width, height); the image itself when it already is. */
  private static BufferedImage scale(BufferedImage image, int[] size) {
    int width = size[0];
    int height = size[1];
    if (image.getWidth() == width && image.getHeight() == height) {
      return image;
    }
    try {
      return Thumbnails.of(image)
          .forceSize(width, height)
          .imageType(BufferedImage.TYPE_INT_RGB)
          .asBufferedImage();
    } catch (IOException e) {
      // Thumbnailator declares it for file sources; an in-memory image does no I/O.
      throw new UncheckedIOException(e);
    }
  }

  /** A progressive JPEG of the image with no metadata at all (only the JFIF header is written). */
  private byte[] encode(BufferedImage image) {
    ImageWriter writer = jpegWriter();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(image.getWidth() * image.getHeight() / 4);
    try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(jpegQuality);
      param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
      // No stream metadata, no image metadata, no thumbnails: nothing of the upload is copied.
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException("JPEG encoding to memory failed", e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  private static ImageWriter jpegWriter() {
    List<ImageWriterSpi> writers = plugins(ImageWriterSpi.class, spi -> Arrays.asList(spi.getFormatNames()).contains("jpeg"));
    if (writers.isEmpty()) {
      throw new IllegalStateException("No ImageIO JPEG writer");
    }
    try {
      return writers.get(0).createWriterInstance();
    } catch (IOException e) {
      throw new IllegalStateException("cannot make an ImageIO JPEG writer", e);
    }
  }


  /** The content hash of an upload: SHA-256, lower-case hex. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  private static String megabytes(long bytes) {
    return bytes % (1024 * 1024) == 0
        ? bytes / (1024 * 1024) + " MiB"
        : String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
  }

  private static InvalidInputException invalid(String message) {
    return InvalidInputException.of(FIELD, message);
  }

  /** Remembers whether a decoder warned that the data ended early. */
  private static final class WarningRecorder implements javax.imageio.event.IIOReadWarningListener {
    private boolean truncated;

    @Override
    public void warningOccurred(ImageReader source, String warning) {
      String text = warning == null ? "" : warning.toLowerCase(Locale.ROOT);
      // The JDK's JPEG reader: "Truncated File - Missing EOI marker"; libjpeg: "Premature end of
      // JPEG file". Other warnings ("Corrupt JPEG data: N extraneous bytes before marker") are
      // common in camera files that display fine, and are let through.
      if (text.contains("truncated") || text.contains("premature end")) {
        truncated = true;
      }
    }

    boolean truncated() {
      return truncated;
    }
  }
}
