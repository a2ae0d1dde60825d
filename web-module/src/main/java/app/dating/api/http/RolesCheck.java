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
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.List;
import java.util.logging.Logger;

/**
 * Enforces {@link Roles}: anonymous callers get 401, signed-in callers without one of the roles
 * 403. It runs after authentication (an access token verified by MicroProfile JWT, or a browser
 * session cookie) and asks the request's security context, whichever made it. Closed by default: a
 * resource method that is neither {@link Public} nor names its roles (on itself or its class) needs
 * a role no one has.
 */
@Provider
public class RolesCheck implements DynamicFeature {
  private static final Logger LOG = Logger.getLogger(RolesCheck.class.getName());

  @Override
  public void configure(ResourceInfo resource, FeatureContext context) {
    if (!resource.getResourceClass().getName().startsWith("app.dating.")) {
      return; // Jersey's own (the answers to OPTIONS)
    }
    Access access = Access.of(resource.getResourceMethod(), resource.getResourceClass());
    if (access.isPublic()) {
      return;
    }
    if (access.roles().isEmpty()) {
      LOG.warning(
          () ->
              resource.getResourceClass().getName()
                  + "."
                  + resource.getResourceMethod().getName()
                  + " is neither @Public nor names its @Roles: closed to everyone");
    }
    context.register(new Check(access.roles()));
  }

  /**
   * Who may call a resource method: what the method says, else what its class says, else no one.
   */
  public record Access(boolean isPublic, List<String> roles) {
    public static Access of(Method method, Class<?> type) {
      for (AnnotatedElement element : List.of(method, type)) {
        if (element.isAnnotationPresent(Public.class)) {
          return new Access(true, List.of());
        }
        Roles roles = element.getAnnotation(Roles.class);
        if (roles != null) {
          return new Access(false, List.of(roles.value()));
        }
      }
      return new Access(false, List.of());
    }
  }

  @Priority(Priorities.AUTHORIZATION)
  static final class Check implements ContainerRequestFilter {
    private final List<String> roles;

    Check(List<String> roles) {
      this.roles = roles;
    }

    @Override
    public void filter(ContainerRequestContext request) {
      SecurityContext security = request.getSecurityContext();
      if (security.getUserPrincipal() == null) {
        throw new NotAuthorizedException("Bearer");
      }
      if (roles.stream().noneMatch(security::isUserInRole)) {
        throw new ForbiddenException("This needs one of the roles " + roles + ".");
      }
    }
  }
}
