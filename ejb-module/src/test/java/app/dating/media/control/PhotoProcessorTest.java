package app.dating.media.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dating.media.control.ProcessedPhoto.Variant;
import app.dating.shared.problem.InvalidInputException;
import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.file.FileTypeDirectory;
import com.drew.metadata.icc.IccDirectory;
import com.drew.metadata.jfif.JfifDirectory;
import com.drew.metadata.jpeg.HuffmanTablesDirectory;
import com.drew.metadata.jpeg.JpegCommentDirectory;
import com.drew.metadata.jpeg.JpegDirectory;
import com.drew.metadata.xmp.XmpDirectory;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhotoProcessorTest {

  /** What metadata-extractor may find in a variant: the JPEG's own structure, nothing else. */
  private static final Set<Class<? extends Directory>> STRUCTURE_ONLY =
      Set.of(
          JpegDirectory.class,
          JfifDirectory.class,
          HuffmanTablesDirectory.class,
          FileTypeDirectory.class);

  /** 1×1 WebP files, lossless and lossy-with-alpha (the feature probes browsers have long used). */
  private static final String WEBP_LOSSLESS = "UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==";

  private static final String WEBP_LOSSY_ALPHA =
      "UklGRkoAAABXRUJQVlA4WAoAAAAQAAAAAAAAAAAAQUxQSAwAAAARBxAR/Q9ERP8DAABWUDggGAAAABQBAJ0BKgEAAQAAAP4AAA3AAP7mtQAAAA==";

  private final PhotoProcessor processor = new PhotoProcessor();

  // ---- metadata ---------------------------------------------------------------------------------

  @Test
  void gpsExifXmpIccAndCommentsAreNotInAnyVariant() throws Exception {
    byte[] jpeg = withSegments(jpeg(photoLike(1600, 1200, 1), 0.9f), exif(1, true), xmp(), icc(), comment());
    Metadata in = metadata(jpeg);
    GpsDirectory gps = in.getFirstDirectoryOfType(GpsDirectory.class);
    assertNotNull(gps, "the input carries GPS");
    assertNotNull(gps.getGeoLocation(), "the input's GPS position is readable");
    assertNotNull(in.getFirstDirectoryOfType(XmpDirectory.class), "the input carries XMP");
    assertNotNull(in.getFirstDirectoryOfType(IccDirectory.class), "the input carries ICC");
    assertNotNull(in.getFirstDirectoryOfType(JpegCommentDirectory.class), "the input has a comment");

    ProcessedPhoto photo = processor.process(jpeg);

    assertEquals(List.of(1080, 640, 320), longSides(photo));
    for (Variant variant : photo.variants()) {
      Metadata out = metadata(variant.jpeg());
      for (Directory directory : out.getDirectories()) {
        assertTrue(
            STRUCTURE_ONLY.contains(directory.getClass()),
            variant.longSide() + " px variant has " + directory.getName());
      }
      assertAll(out.getFirstDirectoryOfType(GpsDirectory.class) == null, "GPS");
      assertAll(out.getFirstDirectoryOfType(ExifIFD0Directory.class) == null, "EXIF");
      // And in the bytes: before the scan only JFIF, tables and the progressive frame header.
      assertEquals(Set.of(0xE0, 0xDB, 0xC4, 0xC2), markersBeforeScan(variant.jpeg()));
      assertFalse(contains(variant.jpeg(), "Exif"), "no Exif text anywhere");
      assertFalse(contains(variant.jpeg(), "ICC_PROFILE"), "no ICC text anywhere");
    }
  }

  @Test
  void variantsAreProgressiveJpegsOfTheRightSizes() throws Exception {
    ProcessedPhoto photo = processor.process(jpeg(photoLike(3000, 2000, 2), 0.9f));

    assertEquals(3000, photo.width());
    assertEquals(2000, photo.height());
    assertEquals(ImageFormat.JPEG, photo.sourceFormat());
    List<int[]> sizes = new ArrayList<>();
    for (Variant v : photo.variants()) {
      sizes.add(new int[] {v.longSide(), v.width(), v.height()});
      BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(v.jpeg()));
      assertEquals(v.width(), decoded.getWidth());
      assertEquals(v.height(), decoded.getHeight());
      assertEquals(0xC2, frameMarker(v.jpeg()), "SOF2: progressive, Huffman-coded");
    }
    assertArrayEquals(new int[] {1080, 1080, 720}, sizes.get(0));
    assertArrayEquals(new int[] {640, 640, 427}, sizes.get(1));
    assertArrayEquals(new int[] {320, 320, 213}, sizes.get(2));
  }

  // ---- orientation ------------------------------------------------------------------------------

  /**
   * A 400×200 image stored with a red mark top-left and a blue one top-right; each EXIF orientation
   * must bring them to where the upright photo has them.
   */
  @ParameterizedTest(name = "orientation {0}: red {1}, blue {2}")
  @CsvSource({
    "1, TL, TR", "2, TR, TL", "3, BR, BL", "4, BL, BR",
    "5, TL, BL", "6, TR, BR", "7, BR, TR", "8, BL, TL"
  })
  void exifOrientationIsApplied(int orientation, String red, String blue) throws Exception {
    BufferedImage stored = new BufferedImage(400, 200, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = stored.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 400, 200);
    g.setColor(Color.RED);
    g.fillRect(0, 0, 50, 50);
    g.setColor(Color.BLUE);
    g.fillRect(350, 0, 50, 50);
    g.dispose();
    byte[] jpeg = withSegments(jpeg(stored, 0.95f), exif(orientation, false));

    ProcessedPhoto photo = processor.process(jpeg);

    boolean swapped = orientation >= 5;
    assertEquals(swapped ? 200 : 400, photo.width());
    assertEquals(swapped ? 400 : 200, photo.height());
    Variant full = photo.variants().get(0);
    assertEquals(400, full.longSide());
    BufferedImage upright = ImageIO.read(new ByteArrayInputStream(full.jpeg()));
    assertEquals(photo.width(), upright.getWidth());
    assertEquals(photo.height(), upright.getHeight());
    assertColour(upright, red, Color.RED);
    assertColour(upright, blue, Color.BLUE);
    for (String corner : List.of("TL", "TR", "BL", "BR")) {
      if (!corner.equals(red) && !corner.equals(blue)) {
        assertColour(upright, corner, Color.WHITE);
      }
    }
  }

  @Test
  void rotatedPhotoComesBackUpright() throws Exception {
    // The brief's case on its own: orientation 6 (rotate 90° clockwise), 400×200 → 200×400.
    BufferedImage stored = new BufferedImage(400, 200, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = stored.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 400, 200);
    g.setColor(Color.GREEN);
    g.fillRect(0, 0, 50, 50);
    g.dispose();

    ProcessedPhoto photo = processor.process(withSegments(jpeg(stored, 0.95f), exif(6, true)));

    for (Variant v : photo.variants()) {
      assertEquals(v.longSide(), v.height());
      BufferedImage upright = ImageIO.read(new ByteArrayInputStream(v.jpeg()));
      assertEquals(v.width() * 2, upright.getHeight());
      assertColour(upright, "TR", Color.GREEN);
      assertColour(upright, "TL", Color.WHITE);
    }
  }

  // ---- PNG and WebP -----------------------------------------------------------------------------

  @Test
  void pngTransparencyBecomesWhite() throws Exception {
    BufferedImage argb = new BufferedImage(200, 100, BufferedImage.TYPE_INT_ARGB); // transparent
    Graphics2D g = argb.createGraphics();
    g.setColor(Color.BLUE);
    g.fillRect(100, 0, 100, 100);
    g.dispose();
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(argb, "png", png);

    ProcessedPhoto photo = processor.process(png.toByteArray());

    assertEquals(ImageFormat.PNG, photo.sourceFormat());
    assertEquals(List.of(200), longSides(photo));
    BufferedImage out = ImageIO.read(new ByteArrayInputStream(photo.variants().get(0).jpeg()));
    assertNear(Color.WHITE, new Color(out.getRGB(40, 50)));
    assertNear(Color.BLUE, new Color(out.getRGB(160, 50)));
  }

  @Test
  void webpIsDecoded() {
    for (String base64 : List.of(WEBP_LOSSLESS, WEBP_LOSSY_ALPHA)) {
      ProcessedPhoto photo = processor.process(Base64.getDecoder().decode(base64));
      assertEquals(ImageFormat.WEBP, photo.sourceFormat());
      assertEquals(1, photo.width());
      assertEquals(1, photo.height());
      assertEquals(List.of(1), longSides(photo));
      assertEquals(0xC2, frameMarker(photo.variants().get(0).jpeg()));
    }
  }

  // ---- rejections -------------------------------------------------------------------------------

  @Test
  void pngBombIsRejectedFromItsHeader() {
    byte[] bomb = pngDeclaring(50_000, 50_000);
    assertTrue(bomb.length < 100, "a bomb is tiny: " + bomb.length + " bytes");

    long start = System.nanoTime();
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> processor.process(bomb));
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertMessage(e, "too many pixels (50000 × 50000)");
    assertTrue(millis < 2_000, "no decoding was attempted (" + millis + " ms)");
  }

  @Test
  void jpegBombIsRejectedFromItsHeader() throws Exception {
    byte[] jpeg = jpeg(photoLike(64, 48, 3), 0.8f);
    int sof = indexOf(jpeg, (byte) 0xFF, (byte) 0xC0);
    assertTrue(sof > 0);
    ByteBuffer.wrap(jpeg, sof + 5, 4).putShort((short) 60_000).putShort((short) 60_000);

    InvalidInputException e = assertThrows(InvalidInputException.class, () -> processor.process(jpeg));
    assertMessage(e, "too many pixels (60000 × 60000)");
  }

  @Test
  void pixelLimitIsConfigurable() throws Exception {
    PhotoProcessor small = new PhotoProcessor(1_000_000, 10_000, List.of(100), 0.8f);
    byte[] jpeg = jpeg(photoLike(101, 100, 4), 0.8f);
    assertMessage(assertThrows(InvalidInputException.class, () -> small.process(jpeg)), "too many pixels");
    assertEquals(1, small.process(jpeg(photoLike(100, 100, 4), 0.8f)).variants().size());
  }

  @Test
  void textFileNamedJpgIsRejected() {
    byte[] text = "This is not a photo, whatever its name (me.jpg) says.\n".getBytes(StandardCharsets.UTF_8);
    assertMessage(assertThrows(InvalidInputException.class, () -> processor.process(text)),
        PhotoProcessor.UNSUPPORTED);
  }

  @Test
  void otherImageFormatsAreRejected() throws Exception {
    for (String format : List.of("gif", "bmp")) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(photoLike(20, 20, 5), format, out);
      assertMessage(
          assertThrows(InvalidInputException.class, () -> processor.process(out.toByteArray())),
          PhotoProcessor.UNSUPPORTED);
    }
  }

  @Test
  void emptyInputIsRejected() {
    assertThrows(InvalidInputException.class, () -> processor.process(new byte[0]));
    assertThrows(InvalidInputException.class, () -> processor.process(null));
  }

  @Test
  void oversizedFileIsRejectedBeforeAnythingElse() {
    byte[] big = new byte[(int) PhotoProcessor.DEFAULT_MAX_BYTES + 1];
    big[0] = (byte) 0xFF;
    big[1] = (byte) 0xD8;
    big[2] = (byte) 0xFF;
    assertMessage(assertThrows(InvalidInputException.class, () -> processor.process(big)),
        "larger than 15 MiB");
  }

  @Test
  void truncatedJpegIsRejected() throws Exception {
    byte[] jpeg = jpeg(photoLike(400, 300, 6), 0.9f);
    for (double kept : new double[] {0.6, 0.1}) {
      byte[] truncated = Arrays.copyOf(jpeg, (int) (jpeg.length * kept));
      assertMessage(assertThrows(InvalidInputException.class, () -> processor.process(truncated)),
          PhotoProcessor.UNREADABLE);
    }
    byte[] withoutEnd = Arrays.copyOf(jpeg, jpeg.length - 2); // only the EOI marker missing
    assertMessage(assertThrows(InvalidInputException.class, () -> processor.process(withoutEnd)),
        PhotoProcessor.UNREADABLE);
  }

  @Test
  void corruptFilesPassingSniffingAreRejected() throws Exception {
    Random random = new Random(7);
    byte[] noise = new byte[5000];
    random.nextBytes(noise);
    List<byte[]> corrupt = new ArrayList<>();
    corrupt.add(concat(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, noise));
    corrupt.add(concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, noise));
    corrupt.add(concat("RIFF\0\0\0\0WEBP".getBytes(StandardCharsets.US_ASCII), noise));
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(photoLike(300, 200, 8), "png", png);
    corrupt.add(Arrays.copyOf(png.toByteArray(), png.size() / 2));
    byte[] webp = Base64.getDecoder().decode(WEBP_LOSSLESS);
    corrupt.add(Arrays.copyOf(webp, webp.length - 6));
    for (byte[] bytes : corrupt) {
      assertMessage(assertThrows(InvalidInputException.class, () -> processor.process(bytes)),
          PhotoProcessor.UNREADABLE);
    }
  }

  // ---- hash and sizes ---------------------------------------------------------------------------

  @Test
  void sameBytesGiveTheSameHash() throws Exception {
    byte[] jpeg = jpeg(photoLike(300, 200, 9), 0.85f);
    ProcessedPhoto first = processor.process(jpeg);
    ProcessedPhoto second = processor.process(jpeg.clone());

    assertEquals(first.contentHash(), second.contentHash());
    assertEquals(
        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(jpeg)),
        first.contentHash());
    assertEquals(64, first.contentHash().length());
    byte[] other = withSegments(jpeg, comment()); // same pixels, other bytes
    assertNotEquals(first.contentHash(), processor.process(other).contentHash());
  }

  @Test
  void smallPhotosAreNeverUpscaled() throws Exception {
    ProcessedPhoto photo = processor.process(jpeg(photoLike(500, 300, 10), 0.9f));
    assertEquals(List.of(500, 320), longSides(photo));
    for (Variant v : photo.variants()) {
      assertTrue(v.width() <= 500 && v.height() <= 300, v.width() + "×" + v.height());
    }
    assertEquals(List.of(200), longSides(processor.process(jpeg(photoLike(150, 200, 11), 0.9f))));
    assertEquals(List.of(640, 320), longSides(processor.process(jpeg(photoLike(640, 100, 12), 0.9f))));
  }

  @Test
  void limitsAreChecked() {
    assertThrows(IllegalArgumentException.class, () -> new PhotoProcessor(0, 1, List.of(1), 0.8f));
    assertThrows(IllegalArgumentException.class, () -> new PhotoProcessor(1, 0, List.of(1), 0.8f));
    assertThrows(IllegalArgumentException.class, () -> new PhotoProcessor(1, 1, List.of(), 0.8f));
    assertThrows(IllegalArgumentException.class, () -> new PhotoProcessor(1, 1, List.of(0), 0.8f));
    assertThrows(IllegalArgumentException.class, () -> new PhotoProcessor(1, 1, List.of(1), 1.5f));
    assertEquals(List.of(640, 320, 100), new PhotoProcessor(1, 1, List.of(320, 640, 100, 320), 0.5f).targetSizes());
  }

  // ---- helpers: inputs --------------------------------------------------------------------------

  /** Gradients plus noise, so the JPEG encoder has something like a photo to work on. */
  static BufferedImage photoLike(int width, int height, long seed) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Random random = new Random(seed);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int r = clamp(255 * x / width + random.nextInt(31) - 15);
        int g = clamp(255 * y / height + random.nextInt(31) - 15);
        int b = clamp(128 + (int) (60 * Math.sin((x + y) / 40.0)) + random.nextInt(31) - 15);
        image.setRGB(x, y, r << 16 | g << 8 | b);
      }
    }
    return image;
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

  /** The JPEG with the segments inserted after its JFIF APP0 (or after SOI when it has none). */
  static byte[] withSegments(byte[] jpeg, byte[]... segments) {
    int at = 2;
    if ((jpeg[2] & 0xFF) == 0xFF && (jpeg[3] & 0xFF) == 0xE0) {
      at = 4 + ((jpeg[4] & 0xFF) << 8 | (jpeg[5] & 0xFF));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, at);
    for (byte[] segment : segments) {
      out.writeBytes(segment);
    }
    out.write(jpeg, at, jpeg.length - at);
    return out.toByteArray();
  }

  static byte[] segment(int marker, byte[] payload) {
    int length = payload.length + 2;
    ByteBuffer buffer = ByteBuffer.allocate(payload.length + 4);
    buffer.put((byte) 0xFF).put((byte) marker).putShort((short) length).put(payload);
    return buffer.array();
  }

  /**
   * An APP1 Exif segment: a big-endian TIFF whose IFD0 has the orientation and, optionally, a GPS
   * IFD placing the photo at 48°51'24"N 2°21'3"E.
   */
  static byte[] exif(int orientation, boolean gps) {
    ByteBuffer tiff = ByteBuffer.allocate(140); // big-endian by default
    tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
    // IFD0 at 8: orientation, GPS pointer.
    tiff.putShort((short) (gps ? 2 : 1));
    tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
    int gpsIfd = 8 + 2 + 2 * 12 + 4;
    if (gps) {
      tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(gpsIfd);
    }
    tiff.putInt(0);
    if (gps) {
      tiff.position(gpsIfd);
      int data = gpsIfd + 2 + 4 * 12 + 4;
      tiff.putShort((short) 4);
      tiff.putShort((short) 0x0001).putShort((short) 2).putInt(2).put((byte) 'N').put(new byte[3]);
      tiff.putShort((short) 0x0002).putShort((short) 5).putInt(3).putInt(data);
      tiff.putShort((short) 0x0003).putShort((short) 2).putInt(2).put((byte) 'E').put(new byte[3]);
      tiff.putShort((short) 0x0004).putShort((short) 5).putInt(3).putInt(data + 24);
      tiff.putInt(0);
      tiff.putInt(48).putInt(1).putInt(51).putInt(1).putInt(24).putInt(1);
      tiff.putInt(2).putInt(1).putInt(21).putInt(1).putInt(3).putInt(1);
    }
    byte[] body = Arrays.copyOf(tiff.array(), gps ? 140 : gpsIfd);
    return segment(0xE1, concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), body));
  }

  static byte[] xmp() {
    String packet =
        "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
            + "<rdf:Description rdf:about=\"\" xmlns:exif=\"http://ns.adobe.com/exif/1.0/\""
            + " exif:GPSLatitude=\"48,51.4N\" exif:GPSLongitude=\"2,21.05E\"/></rdf:RDF></x:xmpmeta>";
    return segment(
        0xE1,
        concat(("http://ns.adobe.com/xap/1.0/\0").getBytes(StandardCharsets.US_ASCII),
            packet.getBytes(StandardCharsets.UTF_8)));
  }

  static byte[] icc() {
    byte[] profile = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
    byte[] header = concat("ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII), new byte[] {1, 1});
    return segment(0xE2, concat(header, profile));
  }

  static byte[] comment() {
    return segment(0xFE, "Taken at home, 12 Rue Example".getBytes(StandardCharsets.US_ASCII));
  }

  /** A PNG that declares the dimensions in a valid IHDR (correct CRC), with a tiny IDAT. */
  static byte[] pngDeclaring(int width, int height) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
    ByteBuffer ihdr = ByteBuffer.allocate(13);
    ihdr.putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
    out.writeBytes(chunk("IHDR", ihdr.array()));
    Deflater deflater = new Deflater();
    deflater.setInput(new byte[64]);
    deflater.finish();
    byte[] idat = new byte[128];
    int n = deflater.deflate(idat);
    deflater.end();
    out.writeBytes(chunk("IDAT", Arrays.copyOf(idat, n)));
    out.writeBytes(chunk("IEND", new byte[0]));
    return out.toByteArray();
  }

  static byte[] chunk(String type, byte[] data) {
    byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    ByteBuffer buffer = ByteBuffer.allocate(12 + data.length);
    buffer.putInt(data.length).put(typeBytes).put(data).putInt((int) crc.getValue());
    return buffer.array();
  }

  // ---- helpers: checks --------------------------------------------------------------------------

  static Metadata metadata(byte[] bytes) throws Exception {
    return ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes), bytes.length);
  }

  /** The markers of the segments between SOI and the first SOS. */
  static Set<Integer> markersBeforeScan(byte[] jpeg) {
    Set<Integer> markers = new java.util.HashSet<>();
    int i = 2;
    while (i + 4 <= jpeg.length) {
      assertEquals(0xFF, jpeg[i] & 0xFF, "a marker at " + i);
      int marker = jpeg[i + 1] & 0xFF;
      if (marker == 0xDA) {
        return markers;
      }
      markers.add(marker);
      i += 2 + ((jpeg[i + 2] & 0xFF) << 8 | (jpeg[i + 3] & 0xFF));
    }
    throw new AssertionError("no scan");
  }

  static int frameMarker(byte[] jpeg) {
    return markersBeforeScan(jpeg).stream().filter(m -> m >= 0xC0 && m <= 0xCF && m != 0xC4)
        .findFirst().orElseThrow();
  }

  static List<Integer> longSides(ProcessedPhoto photo) {
    return photo.variants().stream().map(Variant::longSide).toList();
  }

  static void assertColour(BufferedImage image, String corner, Color expected) {
    int x = corner.endsWith("L") ? 10 : image.getWidth() - 11;
    int y = corner.startsWith("T") ? 10 : image.getHeight() - 11;
    assertNear(expected, new Color(image.getRGB(x, y)));
  }

  static void assertNear(Color expected, Color actual) {
    int distance =
        Math.abs(expected.getRed() - actual.getRed())
            + Math.abs(expected.getGreen() - actual.getGreen())
            + Math.abs(expected.getBlue() - actual.getBlue());
    assertTrue(distance < 60, "expected " + expected + ", got " + actual);
  }

  static void assertMessage(InvalidInputException e, String fragment) {
    assertEquals(1, e.violations().size());
    assertEquals("file", e.violations().get(0).field());
    assertTrue(e.violations().get(0).message().contains(fragment),
        "\"" + e.violations().get(0).message() + "\" should contain \"" + fragment + "\"");
  }

  static void assertAll(boolean absent, String what) {
    assertTrue(absent, what + " must not survive");
  }

  static boolean contains(byte[] data, String text) {
    return indexOf(data, text.getBytes(StandardCharsets.US_ASCII)) >= 0;
  }

  static int indexOf(byte[] data, byte... pattern) {
    outer:
    for (int i = 0; i + pattern.length <= data.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static int clamp(int v) {
    return Math.max(0, Math.min(255, v));
  }
}
