package app.dating.shared.logging;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The id of the request (or message) the current thread works for. Set at the edges (HTTP filter,
 * message-driven bean), read by the problem responses, and appended to the thread's name while it
 * works: the server's log format prints the thread name in every line, so each log line the request
 * causes (ours, the server's, a library's) carries {@code rid=<id>}.
 */
public final class RequestContext {
  /** The header that carries the id in and out. */
  public static final String HEADER = "X-Request-Id";

  private static final String MARK = " rid=";
  private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._-]{8,64}");
  private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

  private RequestContext() {}

  public static Optional<String> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  /**
   * Makes {@code candidate} the current id when it is well-formed (8 to 64 letters, digits, dots,
   * dashes, underscores), otherwise a fresh one. Returns the id in force.
   */
  public static String begin(String candidate) {
    String id = candidate != null && ACCEPTED.matcher(candidate).matches() ? candidate : newId();
    CURRENT.set(id);
    Thread thread = Thread.currentThread();
    thread.setName(baseName(thread.getName()) + MARK + id);
    return id;
  }

  public static void end() {
    CURRENT.remove();
    Thread thread = Thread.currentThread();
    thread.setName(baseName(thread.getName()));
  }

  /**
   * A fresh id in UUID form. Ids must be unique, not unpredictable: {@code UUID.randomUUID()} draws
   * from the shared SecureRandom, whose lock showed up under load; a thread-local generator does not.
   */
  public static String newId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
    long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48); // IETF variant
    return new UUID(high, low).toString();
  }

  private static String baseName(String name) {
    int mark = name.indexOf(MARK);
    return mark < 0 ? name : name.substring(0, mark);
  }
}
