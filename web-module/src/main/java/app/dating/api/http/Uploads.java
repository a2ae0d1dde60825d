package app.dating.api.http;

import app.dating.shared.problem.BusinessException;
import app.dating.shared.problem.InvalidInputException;
import app.dating.shared.problem.ProblemType;
import jakarta.ws.rs.core.EntityPart;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Photo uploads: the bytes of the multipart field {@code file} (its size is bounded by {@link
 * BodySizeLimit}).
 */
public final class Uploads {
  public static final String FIELD = "file";

  private Uploads() {}

  /** The multipart form of a photo upload, as the OpenAPI document describes it. */
  @Schema(name = "PhotoUpload")
  public record Form(
      @Schema(
              required = true,
              type = SchemaType.STRING,
              format = "binary",
              description = "JPEG, PNG or WebP (by content), at most 15 MiB and 40 megapixels")
          byte[] file) {}

  public static byte[] bytes(EntityPart file) {
    if (file == null) {
      throw InvalidInputException.of(
          FIELD, "Send the photo as the multipart field \"" + FIELD + "\".");
    }
    try (InputStream in = file.getContent()) {
      return in.readAllBytes();
    } catch (IOException e) { // the client went away or sent a broken body: theirs to send again
      throw new BusinessException(
          ProblemType.MALFORMED_REQUEST, "The upload could not be read; send it again.");
    }
  }
}
