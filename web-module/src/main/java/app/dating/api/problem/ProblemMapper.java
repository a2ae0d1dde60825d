package app.dating.api.problem;

import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Every exception that leaves a resource becomes a problem response. */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {
  @Context UriInfo uri;
  @Context SecurityContext security;

  @Override
  public Response toResponse(Throwable failure) {
    // Jersey's @RolesAllowed check answers 403 to anonymous callers too; they need to sign in: 401.
    Throwable effective =
        failure instanceof ForbiddenException && security.getUserPrincipal() == null
            ? new NotAuthorizedException("Bearer")
            : failure;
    return Problems.toResponse(effective, uri.getRequestUri().getPath());
  }
}
