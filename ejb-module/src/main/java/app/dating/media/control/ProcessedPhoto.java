package app.dating.media.control;

import java.util.List;
import java.util.Objects;

/**
 * The result of {@link PhotoProcessor#process}: what to store for one upload.
 *
 * @param contentHash SHA-256 of the original bytes, lower-case hex (64 characters): the same upload
 *     gives the same hash, so it can be stored once
 * @param sourceFormat the format the upload was recognised as
 * @param width the upright width of the original (after the EXIF orientation)
 * @param height the upright height of the original
 * @param variants the re-encoded sizes, largest first, none larger than the original
 */
public record ProcessedPhoto(
    String contentHash, ImageFormat sourceFormat, int width, int height, List<Variant> variants) {

  public ProcessedPhoto {
    Objects.requireNonNull(contentHash, "contentHash");
    Objects.requireNonNull(sourceFormat, "sourceFormat");
    variants = List.copyOf(variants);
  }

  /**
   * One size of the photo, upright, as a progressive JPEG without any metadata.
   *
   * @param longSide the longer of width and height: a configured target size, or the original's
   *     own long side when it is smaller than the largest target (photos are never upscaled)
   * @param jpeg the encoded bytes; the array is not copied (it can be megabytes), so treat it as
   *     read-only. Being an array, it takes no part in equals and hashCode by content.
   */
  public record Variant(int longSide, int width, int height, byte[] jpeg) {
    public Variant {
      Objects.requireNonNull(jpeg, "jpeg");
    }
  }
}
