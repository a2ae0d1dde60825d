package app.dating.shared.problem;

import jakarta.ejb.ApplicationException;

/**
 * A refusal whose side effects must stay: the transaction commits before the caller is refused
 * (for example, a replayed refresh token revokes its family, then the request gets 401).
 */
@ApplicationException(rollback = false)
public class CommittedRefusal extends BusinessException {
  private static final long serialVersionUID = 1L;

  public CommittedRefusal(ProblemType type, String detail) {
    super(type, detail);
  }
}
