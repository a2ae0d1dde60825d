package app.dating.shared.logging;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id of the request (or message) the current thread works for. Set at the edges (HTTP filter,
 * message-driven bean, websocket endpoint), read by the log filter and the problem responses.
 */
public final class RequestContext {
  /** The header that carries the id in and out. */
  public static final String HEADER = "X-Request-Id";

  private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._-]{8,64}");
  private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

  private RequestContext() {}

  public static Optional<String> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  /**
   * Makes {@code candidate} the current id when it is a well-formed id from a caller we pass ids
   * along for, otherwise a fresh one. Returns the id in force.
   */
  public static String begin(String candidate) {
    String id = candidate != null && ACCEPTED.matcher(candidate).matches() ? candidate : newId();
    CURRENT.set(id);
    return id;
  }

  public static void end() {
    CURRENT.remove();
  }

  public static String newId() {
    return UUID.randomUUID().toString();
  }
}
