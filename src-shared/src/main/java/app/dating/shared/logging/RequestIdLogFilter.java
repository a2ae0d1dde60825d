package app.dating.shared.logging;

import java.util.logging.Filter;
import java.util.logging.LogRecord;

/**
 * Prefixes each log record of the platform's loggers with the current request id, so every line a
 * request causes can be found with one grep. Installed by {@link Loggers}.
 */
final class RequestIdLogFilter implements Filter {
  static final RequestIdLogFilter INSTANCE = new RequestIdLogFilter();

  @Override
  public boolean isLoggable(LogRecord entry) {
    RequestContext.current()
        .ifPresent(id -> entry.setMessage("[rid=" + id + "] " + entry.getMessage()));
    return true;
  }
}
