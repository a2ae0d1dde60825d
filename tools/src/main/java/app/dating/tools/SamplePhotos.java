package app.dating.tools;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Photos made in code, like a phone's: for the photo benchmark and the integration tests. */
public final class SamplePhotos {
  private SamplePhotos() {}

  /**
   * A photograph's statistics, roughly: smooth gradients, a few soft blobs of colour (low
   * frequencies) and per-pixel noise (the high frequencies that make camera JPEGs weigh megabytes).
   */
  public static BufferedImage photoLike(int width, int height, long seed) {
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

  public static byte[] jpeg(BufferedImage image, float quality) throws IOException {
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
   * the orientation and a GPS IFD (48°51'24"N 2°21'3"E), as a phone's camera writes it.
   */
  public static byte[] withExif(byte[] jpeg) {
    return withExif(jpeg, 1);
  }

  /** The same, with an EXIF orientation (1 to 8; 6 means "turn 90° clockwise to show"). */
  public static byte[] withExif(byte[] jpeg, int orientation) {
    ByteBuffer tiff = ByteBuffer.allocate(140);
    tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
    tiff.putShort((short) 2);
    tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
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

  /** A PNG whose header declares width × height, with almost no data: a decompression bomb. */
  public static byte[] pngDeclaring(int width, int height) {
    ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2).put(new byte[3]);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
    chunk(out, "IHDR", ihdr.array());
    chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
    CRC32 crc = new CRC32();
    byte[] name = type.getBytes(StandardCharsets.US_ASCII);
    crc.update(name);
    crc.update(data);
    out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
    out.writeBytes(name);
    out.writeBytes(data);
    out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }
}
