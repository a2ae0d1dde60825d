package app.dating.shared.web;

import app.dating.shared.logging.RequestContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Gives every request an id (the caller's {@code X-Request-Id} when well-formed, else a new one),
 * returns it in the response header and keeps it on the thread for logs and problem bodies.
 * Registered first in each web module's web.xml.
 */
public class RequestIdFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String id = RequestContext.begin(request.getHeader(RequestContext.HEADER));
    response.setHeader(RequestContext.HEADER, id);
    try {
      chain.doFilter(request, response);
    } finally {
      RequestContext.end();
    }
  }
}
