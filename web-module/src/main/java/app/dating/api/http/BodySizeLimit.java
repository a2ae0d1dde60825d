package app.dating.api.http;

import app.dating.shared.config.ConfigKeys;
import app.dating.shared.problem.BusinessException;
import app.dating.shared.problem.ProblemType;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses request bodies over {@code api.max-body-bytes} with 413: at once when Content-Length says
 * so, and while reading when a chunked body grows past the limit. GET and HEAD take no body at all:
 * one is a 400 problem (the server lets it through to here; see payara-config/domain.asadmin).
 */
@Provider
@PreMatching
@Priority(Priorities.ENTITY_CODER)
public class BodySizeLimit implements ContainerRequestFilter, ReaderInterceptor {
  @Inject
  @ConfigProperty(name = ConfigKeys.API_MAX_BODY_BYTES, defaultValue = "1048576")
  long maxBytes;

  /**
   * Photo uploads (profile and chat) may be as large as a photo may be, plus room for the multipart
   * envelope.
   */
  @Inject
  @ConfigProperty(name = "media.max-bytes", defaultValue = "15728640")
  long maxPhotoBytes;

  private static final String LIMIT = BodySizeLimit.class.getName() + ".limit";
  private static final long MULTIPART_ENVELOPE = 64 * 1024;
  private static final Set<String> BODYLESS = Set.of("GET", "HEAD");
  static final Pattern PHOTO_UPLOADS =
      Pattern.compile("/?(me/photos|conversations/[^/]+/photos)/?");

  @Override
  public void filter(ContainerRequestContext request) {
    if (BODYLESS.contains(request.getMethod()) && (request.getLength() > 0 || isChunked(request))) {
      throw new BusinessException(
          ProblemType.MALFORMED_REQUEST, "A " + request.getMethod() + " request takes no body.");
    }
    long limit =
        "POST".equals(request.getMethod())
                && PHOTO_UPLOADS.matcher(request.getUriInfo().getPath()).matches()
            ? maxPhotoBytes + MULTIPART_ENVELOPE
            : maxBytes;
    request.setProperty(LIMIT, limit);
    if (request.getLength() > limit) {
      throw tooLarge();
    }
  }

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    Object limit = context.getProperty(LIMIT);
    Bounded bounded = new Bounded(context.getInputStream(), limit instanceof Long l ? l : maxBytes);
    context.setInputStream(bounded);
    try {
      return context.proceed();
    } catch (RuntimeException | IOException e) {
      if (bounded.exceeded) {
        throw tooLarge();
      }
      throw e;
    }
  }

  private static boolean isChunked(ContainerRequestContext request) {
    String encoding = request.getHeaderString("Transfer-Encoding");
    return encoding != null && !encoding.isBlank();
  }

  private static WebApplicationException tooLarge() {
    return new WebApplicationException(Response.Status.REQUEST_ENTITY_TOO_LARGE);
  }

  private static final class Bounded extends FilterInputStream {
    private long remaining;
    private boolean exceeded;

    Bounded(InputStream in, long limit) {
      super(in);
      this.remaining = limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws IOException {
      remaining -= n;
      if (remaining < 0) {
        exceeded = true;
        throw new IOException("request body over the limit");
      }
    }
  }
}
