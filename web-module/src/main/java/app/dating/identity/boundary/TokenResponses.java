package app.dating.identity.boundary;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Every answer that carries a token is kept out of caches (RFC 6749 section 5.1, issue #14): an
 * access and refresh token pair (sign-in, refresh, provider sign-in), a browser session's CSRF
 * token, or a cookie being set (the session cookie, the code flow's state). Decided by what the
 * answer holds, so a new endpoint that hands out tokens is covered without remembering to. Apache
 * enforces the same at the edge for everything under /api/v1/auth/ but the public keys.
 */
@Provider
public class TokenResponses implements ContainerResponseFilter {

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    Object entity = response.getEntity();
    if (entity instanceof TokenPair
        || entity instanceof AuthResource.BrowserSession
        || !response.getCookies().isEmpty()) {
      response.getHeaders().putSingle("Cache-Control", "no-store");
      response.getHeaders().putSingle("Pragma", "no-cache");
    }
  }
}
