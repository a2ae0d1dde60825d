package app.dating.api.problem;

import app.dating.shared.problem.BusinessException;
import app.dating.shared.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.Set;

/**
 * Validates a request body explicitly. Resources call this instead of putting {@code @Valid} on
 * the body parameter: Payara 6.2025.9's OpenAPI generator fails on Bean Validation annotations on
 * resource parameters without {@code @PathParam} (payara/Payara#7649).
 */
@ApplicationScoped
public class RequestBodies {
  @Inject Validator validator;

  /** The body, when present and valid; otherwise a 400 problem naming each invalid field. */
  public <T> T valid(T body) {
    if (body == null) {
      throw new BusinessException(ProblemType.VALIDATION, "A JSON request body is required.");
    }
    Set<ConstraintViolation<T>> violations = validator.validate(body);
    if (!violations.isEmpty()) {
      throw new ConstraintViolationException(violations);
    }
    return body;
  }
}
