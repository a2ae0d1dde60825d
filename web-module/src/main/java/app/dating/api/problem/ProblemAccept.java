package app.dating.api.problem;

import app.dating.shared.problem.Problem;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

/**
 * A client that accepts problem documents accepts JSON: an operation that answers 204 or 202 with
 * no body is called with {@code Accept: application/problem+json} alone by clients generated from
 * the OpenAPI document (that is all it can answer with content), and JAX-RS would refuse that with
 * 406 against the resource's {@code @Produces(application/json)}.
 */
@Provider
@PreMatching
@Priority(Priorities.HEADER_DECORATOR)
public class ProblemAccept implements ContainerRequestFilter {

  @Override
  public void filter(ContainerRequestContext request) {
    String accept = request.getHeaderString(HttpHeaders.ACCEPT);
    if (acceptsOnlyProblems(accept)) {
      request
          .getHeaders()
          .putSingle(HttpHeaders.ACCEPT, accept + ", " + MediaType.APPLICATION_JSON);
    }
  }

  static boolean acceptsOnlyProblems(String accept) {
    if (accept == null || accept.isBlank()) {
      return false;
    }
    for (String type : accept.split(",")) {
      String name = type.split(";", 2)[0].strip();
      if (!name.equalsIgnoreCase(Problem.MEDIA_TYPE)) {
        return false;
      }
    }
    return true;
  }
}
