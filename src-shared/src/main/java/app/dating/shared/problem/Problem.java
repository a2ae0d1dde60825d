package app.dating.shared.problem;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem details body ({@code application/problem+json}). Absent members are null and
 * left out of the JSON. {@code requestId} and {@code errors} are extension members.
 */
@Schema(
    name = "Problem",
    description = "An RFC 9457 problem: clients branch on `type`, never on the texts")
public record Problem(
    @Schema(
            required = true,
            description = "Stable kind of problem: urn:dating:problem:<slug>",
            pattern = "^urn:dating:problem:[a-z-]+$",
            example = "urn:dating:problem:not-found")
        String type,
    @Schema(
            required = true,
            description = "Short summary of the kind, the same for every occurrence")
        String title,
    @Schema(required = true, minimum = "400", maximum = "599", description = "The HTTP status")
        int status,
    @Schema(required = true, description = "What went wrong this time, for people") String detail,
    @Schema(description = "The path of the request") String instance,
    @Schema(description = "The request's X-Request-Id: quote it when reporting a problem")
        String requestId,
    @Schema(hidden = true) List<FieldViolation> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";

  /** One invalid input field, named as the client sent it (JSON path or parameter name). */
  @Schema(name = "FieldViolation", description = "One invalid field of the request")
  public record FieldViolation(
      @Schema(
              required = true,
              description = "The field as the client sent it: a JSON path or a parameter name",
              example = "birthDate")
          String field,
      @Schema(required = true, description = "What is wrong with it") String message) {}

  public Problem {
    errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
  }

  public static Problem of(ProblemType type, String detail) {
    return of(type, type.status(), detail);
  }

  /** A problem of a kind whose status is decided at run time (container errors). */
  public static Problem of(ProblemType type, int status, String detail) {
    return new Problem(type.uri(), type.title(), status, detail, null, null, null);
  }

  public Problem withErrors(List<FieldViolation> violations) {
    return new Problem(type, title, status, detail, instance, requestId, violations);
  }

  public Problem at(String instancePath, String requestIdOfCall) {
    return new Problem(type, title, status, detail, instancePath, requestIdOfCall, errors);
  }
}
