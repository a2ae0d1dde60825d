package app.dating.identity.control;

import app.dating.identity.boundary.WebPrincipal;
import app.dating.shared.problem.BusinessException;
import app.dating.shared.problem.ProblemType;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who made a request, however they signed in: an access token verified by MicroProfile JWT, or a
 * browser session cookie (see {@link SessionCookies}). Resources ask this, never the request body.
 */
public record SignedIn(UUID accountId, UUID sessionId, boolean byCookie) {

  public static SignedIn of(SecurityContext security) {
    Principal principal = security.getUserPrincipal();
    if (principal instanceof JsonWebToken token) {
      String sid = token.getClaim("sid");
      return new SignedIn(UUID.fromString(token.getSubject()), sid == null ? new UUID(0, 0) : UUID.fromString(sid), false);
    }
    if (principal instanceof SessionCookies.CookiePrincipal cookie) {
      WebPrincipal session = cookie.session();
      return new SignedIn(session.accountId(), session.sessionId(), true);
    }
    throw new BusinessException(ProblemType.UNAUTHORIZED, "Sign in first.");
  }
}
