package app.dating.api.problem;

import app.dating.shared.problem.Problem;
import app.dating.shared.problem.Problem.FieldViolation;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Schemas of the OpenAPI document that no Java type answers with as such. */
public final class ProblemSchemas {
  private ProblemSchemas() {}

  /** A 400: a {@link Problem}, naming each invalid field when the input was readable. */
  @Schema(
      name = "ValidationProblem",
      allOf = Problem.class,
      description =
          "A 400 problem: `urn:dating:problem:malformed-request` when the request could not be read,"
              + " `urn:dating:problem:validation` with `errors` naming each invalid field")
  public record ValidationProblem(
      @Schema(description = "Each invalid field, when the request could be read")
          List<FieldViolation> errors) {}
}
