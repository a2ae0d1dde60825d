package app.dating.api.http;

import app.dating.shared.problem.BusinessException;
import app.dating.shared.problem.InvalidInputException;
import app.dating.shared.problem.ProblemType;
import jakarta.ws.rs.core.EntityPart;
import java.io.IOException;
import java.io.InputStream;

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
    } catch (IOException e) { // the client went away or sent a broken body: theirs to send again
      throw new BusinessException(ProblemType.MALFORMED_REQUEST, "The upload could not be read; send it again.");
    }
  }
}
