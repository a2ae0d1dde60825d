package app.dating.shared.problem;

import app.dating.shared.problem.Problem.FieldViolation;
import java.util.List;

/** Input that is well-formed but breaks a business rule, field by field (a 400 with the fields). */
public class InvalidInputException extends BusinessException {
  private static final long serialVersionUID = 1L;

  private final List<FieldViolation> violations;

  public InvalidInputException(List<FieldViolation> violations) {
    super(ProblemType.VALIDATION, "One or more fields are invalid.");
    this.violations = List.copyOf(violations);
  }

  public static InvalidInputException of(String field, String message) {
    return new InvalidInputException(List.of(new FieldViolation(field, message)));
  }

  public List<FieldViolation> violations() {
    return violations;
  }
}
