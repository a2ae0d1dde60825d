package app.dating.media.control;

import java.awt.image.BufferedImage;

/**
 * The eight EXIF orientations (TIFF tag 274), applied exactly: each output pixel is one source
 * pixel, no interpolation. The tag says how the stored rows and columns map to the scene:
 *
 * <table>
 *   <caption>EXIF orientation and what turns the stored image upright</caption>
 *   <tr><th>value</th><th>upright by</th></tr>
 *   <tr><td>1</td><td>nothing</td></tr>
 *   <tr><td>2</td><td>mirroring left–right</td></tr>
 *   <tr><td>3</td><td>rotating 180°</td></tr>
 *   <tr><td>4</td><td>mirroring top–bottom</td></tr>
 *   <tr><td>5</td><td>transposing (mirror across the main diagonal)</td></tr>
 *   <tr><td>6</td><td>rotating 90° clockwise</td></tr>
 *   <tr><td>7</td><td>transversing (mirror across the anti-diagonal)</td></tr>
 *   <tr><td>8</td><td>rotating 90° counter-clockwise</td></tr>
 * </table>
 */
final class Orientation {
  private Orientation() {}

  /**
   * The upright image: the image itself for 1 (and for values outside 1..8), else a new {@code
   * TYPE_INT_RGB} image, with width and height swapped for 5 to 8.
   */
  static BufferedImage apply(BufferedImage image, int orientation) {
    if (orientation < 2 || orientation > 8) {
      return image;
    }
    int w = image.getWidth();
    int h = image.getHeight();
    boolean swaps = orientation >= 5;
    int outWidth = swaps ? h : w;
    int outHeight = swaps ? w : h;
    int[] src = image.getRGB(0, 0, w, h, null, 0, w);
    int[] out = new int[src.length];
    for (int y = 0; y < outHeight; y++) {
      for (int x = 0; x < outWidth; x++) {
        int sx;
        int sy;
        switch (orientation) {
          case 2 -> { sx = w - 1 - x; sy = y; }
          case 3 -> { sx = w - 1 - x; sy = h - 1 - y; }
          case 4 -> { sx = x; sy = h - 1 - y; }
          case 5 -> { sx = y; sy = x; }
          case 6 -> { sx = y; sy = h - 1 - x; }
          case 7 -> { sx = w - 1 - y; sy = h - 1 - x; }
          default -> { sx = w - 1 - y; sy = x; } // 8
        }
        out[y * outWidth + x] = src[sy * w + sx];
      }
    }
    BufferedImage upright = new BufferedImage(outWidth, outHeight, BufferedImage.TYPE_INT_RGB);
    upright.setRGB(0, 0, outWidth, outHeight, out, 0, outWidth);
    return upright;
  }
}
