package app.dating.api.problem;

import jakarta.validation.ValidationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Takes precedence over Jersey's own mapper for Bean Validation failures. */
@Provider
public class ValidationProblemMapper implements ExceptionMapper<ValidationException> {
  @Context UriInfo uri;

  @Override
  public Response toResponse(ValidationException failure) {
    return Problems.toResponse(failure, uri.getRequestUri().getPath());
  }
}
