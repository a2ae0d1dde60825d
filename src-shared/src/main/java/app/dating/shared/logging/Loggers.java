package app.dating.shared.logging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.InjectionPoint;
import java.util.logging.Logger;

/** Produces {@code @Inject Logger log}: a JUL logger named after the class, tagged with the request id. */
@ApplicationScoped
public class Loggers {

  @Produces
  Logger logger(InjectionPoint point) {
    return of(point.getMember().getDeclaringClass());
  }

  /** For classes that are not CDI beans. */
  public static Logger of(Class<?> owner) {
    Logger logger = Logger.getLogger(owner.getName());
    logger.setFilter(RequestIdLogFilter.INSTANCE);
    return logger;
  }
}
