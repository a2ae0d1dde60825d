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
 * Validates a request body explicitly, where the resource reads it: a missing body and an invalid
 * one are both 400 problems naming what is wrong, the fields by the names the client sent.
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
