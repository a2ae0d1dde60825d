package app.dating.api.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Every exception that leaves a resource becomes a problem response. */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {
  @Context UriInfo uri;

  @Override
  public Response toResponse(Throwable failure) {
    return Problems.toResponse(failure, uri.getRequestUri().getPath());
  }
}
