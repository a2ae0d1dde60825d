package app.dating.api.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.util.Arrays;
import java.util.Optional;

/**
 * Enforces {@link Roles}: anonymous callers get 401, signed-in callers without one of the roles 403.
 * It runs after authentication (an access token verified by MicroProfile JWT, or a browser session
 * cookie) and asks the request's security context, whichever made it.
 */
@Provider
public class RolesCheck implements DynamicFeature {

  @Override
  public void configure(ResourceInfo resource, FeatureContext context) {
    Optional.ofNullable(resource.getResourceMethod().getAnnotation(Roles.class))
        .or(() -> Optional.ofNullable(resource.getResourceClass().getAnnotation(Roles.class)))
        .ifPresent(roles -> context.register(new Check(roles.value())));
  }

  @Priority(Priorities.AUTHORIZATION)
  static final class Check implements ContainerRequestFilter {
    private final String[] roles;

    Check(String[] roles) {
      this.roles = roles.clone();
    }

    @Override
    public void filter(ContainerRequestContext request) {
      SecurityContext security = request.getSecurityContext();
      if (security.getUserPrincipal() == null) {
        throw new NotAuthorizedException("Bearer");
      }
      if (Arrays.stream(roles).noneMatch(security::isUserInRole)) {
        throw new ForbiddenException("This needs one of the roles " + Arrays.toString(roles) + ".");
      }
    }
  }
}
