package app.dating.shared.web;

import app.dating.shared.logging.RequestContext;
import app.dating.shared.problem.Problem;
import app.dating.shared.problem.ProblemType;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The error page of a whole web module: whatever the container itself rejects (unknown path,
 * oversized request, an error outside JAX-RS) is answered as {@code application/problem+json},
 * never as an HTML page or a stack trace.
 */
public class ErrorPageServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Jsonb JSON = JsonbBuilder.create();

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer value ? value : HttpServletResponse.SC_NOT_FOUND;
    ProblemType type = ProblemType.forStatus(status);
    String path = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String requestId = RequestContext.current().orElseGet(() -> response.getHeader(RequestContext.HEADER));
    Problem problem = Problem.of(type, status, detail(type)).at(path, requestId);
    response.setStatus(status);
    response.setContentType(Problem.MEDIA_TYPE);
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(JSON.toJson(problem));
  }

  private static String detail(ProblemType type) {
    return switch (type) {
      case NOT_FOUND -> "There is nothing at this path.";
      case METHOD_NOT_ALLOWED -> "This path does not accept that method.";
      case PAYLOAD_TOO_LARGE -> "The request body is larger than the server accepts.";
      case INTERNAL -> "An unexpected error occurred; quote the request id when reporting it.";
      default -> type.title() + ".";
    };
  }
}
