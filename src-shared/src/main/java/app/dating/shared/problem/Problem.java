package app.dating.shared.problem;

import java.util.List;

/**
 * An RFC 9457 problem details body ({@code application/problem+json}). Absent members are null and
 * left out of the JSON. {@code requestId} and {@code errors} are extension members.
 */
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    String requestId,
    List<FieldViolation> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";

  /** One invalid input field, named as the client sent it (JSON path or parameter name). */
  public record FieldViolation(String field, String message) {}

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
