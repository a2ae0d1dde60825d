package app.dating.media.control;

import java.util.Optional;

/**
 * The photo formats accepted for upload, recognised by their magic bytes only (never by file name
 * or the client's Content-Type, both of which the client chooses).
 */
public enum ImageFormat {
  JPEG("jpeg"),
  PNG("png"),
  WEBP("webp");

  /** How many leading bytes {@link #sniff} needs at most. */
  public static final int SNIFF_LENGTH = 12;

  private static final byte[] PNG_SIGNATURE = {
    (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'
  };

  private final String imageIoName;

  ImageFormat(String imageIoName) {
    this.imageIoName = imageIoName;
  }

  /** The format name ImageIO's registry knows the readers of this format by. */
  String imageIoName() {
    return imageIoName;
  }

  /**
   * The format whose signature the bytes start with: JPEG {@code FF D8 FF}, PNG {@code 89 50 4E 47
   * 0D 0A 1A 0A}, WebP {@code "RIFF" <4-byte size> "WEBP"}. Empty for anything else, including
   * null and inputs too short to carry a signature.
   *
   * @param head the first bytes of the file (at least {@value #SNIFF_LENGTH} for WebP); a whole
   *     file will do
   */
  public static Optional<ImageFormat> sniff(byte[] head) {
    if (head == null) {
      return Optional.empty();
    }
    if (startsWith(head, 0, (byte) 0xFF, (byte) 0xD8, (byte) 0xFF)) {
      return Optional.of(JPEG);
    }
    if (startsWith(head, 0, PNG_SIGNATURE)) {
      return Optional.of(PNG);
    }
    if (startsWith(head, 0, (byte) 'R', (byte) 'I', (byte) 'F', (byte) 'F')
        && startsWith(head, 8, (byte) 'W', (byte) 'E', (byte) 'B', (byte) 'P')) {
      return Optional.of(WEBP);
    }
    return Optional.empty();
  }

  private static boolean startsWith(byte[] data, int offset, byte... signature) {
    if (data.length < offset + signature.length) {
      return false;
    }
    for (int i = 0; i < signature.length; i++) {
      if (data[offset + i] != signature[i]) {
        return false;
      }
    }
    return true;
  }
}
