package app.dating.api.problem;

import app.dating.shared.logging.RequestContext;
import app.dating.shared.problem.BusinessException;
import app.dating.shared.problem.InvalidInputException;
import app.dating.shared.problem.Problem;
import app.dating.shared.problem.Problem.FieldViolation;
import app.dating.shared.problem.ProblemType;
import app.dating.shared.problem.RateLimitedException;
import jakarta.ejb.EJBException;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Turns any failure of an API call into the problem response the client sees. */
public final class Problems {
  private static final Logger LOG = Logger.getLogger(Problems.class.getName());

  private Problems() {}

  public static Response toResponse(Throwable failure, String path) {
    Throwable e = unwrap(failure);
    if (e instanceof RateLimitedException limited) {
      return respond(Problem.of(limited.type(), limited.getMessage()), path)
          .header(HttpHeaders.RETRY_AFTER, limited.retryAfterSeconds())
          .build();
    }
    if (e instanceof InvalidInputException invalid) {
      return respond(Problem.of(invalid.type(), invalid.getMessage()).withErrors(invalid.violations()), path).build();
    }
    if (e instanceof BusinessException business) {
      return respond(Problem.of(business.type(), business.getMessage()), path).build();
    }
    if (e instanceof ConstraintViolationException invalid) {
      return respond(
              Problem.of(ProblemType.VALIDATION, "One or more fields are invalid.")
                  .withErrors(violations(invalid)),
              path)
          .build();
    }
    if (isMalformedJson(e)) {
      return respond(
              Problem.of(ProblemType.MALFORMED_REQUEST, "The body is not valid JSON of the expected shape."),
              path)
          .build();
    }
    Optional<String> badParameter = badParameter(e);
    if (badParameter.isPresent()) {
      return respond(Problem.of(ProblemType.VALIDATION, "One or more fields are invalid.")
              .withErrors(List.of(new FieldViolation(badParameter.get(), "This value cannot be read."))), path)
          .build();
    }
    if (e instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
      return fromStatus(web, path);
    }
    LOG.log(Level.SEVERE, "Unexpected failure on " + path, e);
    return respond(
            Problem.of(ProblemType.INTERNAL, "An unexpected error occurred; quote the request id when reporting it."),
            path)
        .build();
  }

  private static Response fromStatus(WebApplicationException web, String path) {
    int status = web.getResponse().getStatus();
    ProblemType type = ProblemType.forStatus(status);
    String detail =
        switch (type) {
          case NOT_FOUND -> "There is nothing at this path.";
          case METHOD_NOT_ALLOWED -> "This path does not accept that method.";
          case UNSUPPORTED_MEDIA_TYPE -> "The body's content type is not accepted here; send application/json.";
          case NOT_ACCEPTABLE -> "None of the media types in Accept can be produced; accept application/json.";
          case PAYLOAD_TOO_LARGE -> "The request body is larger than the server accepts.";
          case UNAUTHORIZED -> "Sign in first: send an access token (Authorization: Bearer ...).";
          case MALFORMED_REQUEST -> "The request could not be read.";
          default -> type.title() + ".";
        };
    Response.ResponseBuilder builder = respond(Problem.of(type, status, detail), path);
    if (type == ProblemType.UNAUTHORIZED) {
      builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"dating\"");
    }
    if (type == ProblemType.PAYLOAD_TOO_LARGE) {
      builder.header("Connection", "close"); // the unread rest of the body is not worth draining
    }
    if (web instanceof NotAllowedException) {
      builder.header(HttpHeaders.ALLOW, web.getResponse().getHeaderString(HttpHeaders.ALLOW));
    }
    return builder.build();
  }

  /**
   * A query, header, cookie or form parameter that could not be converted (Jersey's ParamException,
   * which answers 404 on its own): a 400 naming it. An unreadable path parameter stays a 404.
   */
  private static Optional<String> badParameter(Throwable e) {
    String name = e.getClass().getName();
    if (!name.startsWith("org.glassfish.jersey.server.ParamException$") || name.endsWith("$PathParamException")) {
      return Optional.empty();
    }
    try {
      return Optional.of(String.valueOf(e.getClass().getMethod("getParameterName").invoke(e)));
    } catch (ReflectiveOperationException unexpected) {
      return Optional.of("parameter");
    }
  }

  private static Response.ResponseBuilder respond(Problem problem, String path) {
    return Response.status(problem.status())
        .type(Problem.MEDIA_TYPE)
        .entity(problem.at(path, RequestContext.current().orElse(null)));
  }

  private static Throwable unwrap(Throwable e) {
    Throwable current = e;
    while (current instanceof EJBException && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }

  private static boolean isMalformedJson(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof JsonbException || t instanceof JsonException) {
        return true;
      }
    }
    return false;
  }

  static List<FieldViolation> violations(ConstraintViolationException e) {
    List<FieldViolation> result = new ArrayList<>();
    for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
      result.add(new FieldViolation(field(violation.getPropertyPath()), violation.getMessage()));
    }
    result.sort(Comparator.comparing(FieldViolation::field));
    return result;
  }

  /**
   * The field as the client knows it: {@code create.request.email} becomes {@code email}, a query
   * parameter {@code list.limit} becomes {@code limit}.
   */
  static String field(Path path) {
    List<Path.Node> nodes = new ArrayList<>();
    path.forEach(nodes::add);
    int start = 0;
    if (!nodes.isEmpty() && nodes.get(0).getKind() == ElementKind.METHOD) {
      start = 1;
    }
    if (nodes.size() > start + 1 && nodes.get(start).getKind() == ElementKind.PARAMETER) {
      start++;
    }
    StringBuilder field = new StringBuilder();
    for (Path.Node node : nodes.subList(start, nodes.size())) {
      if (node.getName() == null) {
        continue;
      }
      if (field.length() > 0) {
        field.append('.');
      }
      field.append(node.getName());
      if (node.getIndex() != null) {
        field.append('[').append(node.getIndex()).append(']');
      }
    }
    return field.length() == 0 ? path.toString() : field.toString();
  }
}
