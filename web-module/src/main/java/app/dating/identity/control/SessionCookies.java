package app.dating.identity.control;

import app.dating.identity.boundary.Sessions;
import app.dating.identity.boundary.WebPrincipal;
import app.dating.shared.problem.BusinessException;
import app.dating.shared.problem.ProblemType;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Duration;
import java.util.Set;

/**
 * Signs browsers in by their session cookie, on the same resources that take access tokens (a
 * bearer token, when present, wins). Requests that change state must repeat the session's CSRF
 * token in {@value #CSRF_HEADER}; without it they get 403, so another site cannot act through the
 * browser's cookie (synchronizer token, on top of {@code SameSite=Lax}).
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class SessionCookies implements ContainerRequestFilter {
  /** {@code __Host-}: only set over HTTPS, for the whole host, never for a parent domain. */
  public static final String COOKIE = "__Host-dating-session";
  public static final String CSRF_HEADER = "X-CSRF-Token";
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  @Inject Sessions sessions;

  /** The principal of a cookie-authenticated request. */
  public record CookiePrincipal(WebPrincipal session) implements Principal {
    @Override
    public String getName() {
      return session.accountId().toString();
    }
  }

  @Override
  public void filter(ContainerRequestContext request) {
    Cookie cookie = request.getCookies().get(COOKIE);
    if (cookie == null || request.getSecurityContext().getUserPrincipal() != null) {
      return;
    }
    sessions.authenticateWeb(cookie.getValue()).ifPresent(session -> {
      if (!SAFE_METHODS.contains(request.getMethod()) && !sameToken(session.csrfToken(), request.getHeaderString(CSRF_HEADER))) {
        throw new BusinessException(ProblemType.FORBIDDEN,
            "This request needs the session's CSRF token in the " + CSRF_HEADER + " header.");
      }
      SecurityContext original = request.getSecurityContext();
      CookiePrincipal principal = new CookiePrincipal(session);
      request.setSecurityContext(new SecurityContext() {
        @Override
        public Principal getUserPrincipal() {
          return principal;
        }

        @Override
        public boolean isUserInRole(String role) {
          return session.roles().contains(role);
        }

        @Override
        public boolean isSecure() {
          return original.isSecure();
        }

        @Override
        public String getAuthenticationScheme() {
          return "SESSION_COOKIE";
        }
      });
    });
  }

  /** The cookie that carries a new session. */
  public static NewCookie sessionCookie(String token, Duration maxAge) {
    return hostCookie(COOKIE, token, maxAge);
  }

  /** The cookie that tells the browser to forget the session. */
  public static NewCookie expiredCookie() {
    return hostCookie(COOKIE, "", Duration.ZERO);
  }

  /** A cookie of ours: HttpOnly, Secure, SameSite=Lax, for the whole host only; {@code maxAge} zero forgets it. */
  public static NewCookie hostCookie(String name, String value, Duration maxAge) {
    return new NewCookie.Builder(name).value(value).path("/").secure(true).httpOnly(true)
        .sameSite(NewCookie.SameSite.LAX).maxAge((int) maxAge.toSeconds()).build();
  }

  private static boolean sameToken(String expected, String presented) {
    return presented != null
        && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
  }
}
