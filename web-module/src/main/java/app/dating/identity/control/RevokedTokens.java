package app.dating.identity.control;

import app.dating.identity.boundary.AccessTokenChecks;
import app.dating.shared.problem.BusinessException;
import app.dating.shared.problem.ProblemType;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Refuses access tokens whose session or account was ended before they expired (see
 * AccessTokenChecks#isRevoked), and tokens not spelled as issued: a token our identity store
 * ({@link AccessTokenStore}) refuses goes on to Payara's, whose decoder skips characters it does
 * not expect, so a token respelled would pass there (AccessTokenChecks#isStrictCompact).
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class RevokedTokens implements ContainerRequestFilter {
  @Inject AccessTokenChecks tokens;

  @Override
  public void filter(ContainerRequestContext request) {
    if (!(request.getSecurityContext().getUserPrincipal() instanceof JsonWebToken token)) {
      return;
    }
    if (!tokens.isStrictCompact(token.getRawToken())) {
      throw new BusinessException(
          ProblemType.UNAUTHORIZED, "Send the access token exactly as it was issued.");
    }
    String sid = token.getClaim("sid");
    if (tokens.isRevoked(
        UUID.fromString(token.getSubject()),
        sid == null ? null : UUID.fromString(sid),
        token.getClaim(AccessTokenChecks.ISSUED_AT_MILLIS),
        token.getIssuedAtTime())) {
      throw new BusinessException(
          ProblemType.UNAUTHORIZED, "This session has ended; sign in again.");
    }
  }
}
