package app.dating.shared.problem;

import jakarta.ejb.ApplicationException;

/**
 * A rule of the business said no. Unchecked, rolls the transaction back, and carries no HTTP type:
 * the web and websocket modules turn it into a problem response or an error frame.
 */
@ApplicationException(rollback = true)
public class BusinessException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ProblemType type;

  public BusinessException(ProblemType type, String detail) {
    super(detail);
    this.type = type;
  }

  public ProblemType type() {
    return type;
  }

  public static BusinessException notFound(String what) {
    return new BusinessException(ProblemType.NOT_FOUND, what + " was not found");
  }

  public static BusinessException conflict(String detail) {
    return new BusinessException(ProblemType.CONFLICT, detail);
  }

  public static BusinessException forbidden(String detail) {
    return new BusinessException(ProblemType.FORBIDDEN, detail);
  }
}
