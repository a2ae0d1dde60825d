package app.dating.api.http;

import app.dating.shared.problem.InvalidInputException;
import jakarta.ws.rs.core.EntityPart;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Photo uploads: the bytes of the multipart field {@code file} (its size is bounded by {@link BodySizeLimit}). */
public final class Uploads {
  public static final String FIELD = "file";

  private Uploads() {}

  public static byte[] bytes(EntityPart file) {
    if (file == null) {
      throw InvalidInputException.of(FIELD, "Send the photo as the multipart field \"" + FIELD + "\".");
    }
    try (InputStream in = file.getContent()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
