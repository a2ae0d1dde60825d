package app.dating.realtime.control;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.websocket.server.ServerContainer;

/**
 * Gives every socket of this module the 5-minute idle timeout from its first moment. Tyrus schedules a
 * socket's first idle check when the session is made, with the container's default; left at 0 (none)
 * that check runs at once, and when it ran after {@code @OnOpen} had set 5 minutes it closed the
 * fresh socket ("closed by the container because of the idle timeout": 1 chat socket in 10,000 while
 * benchmarks/chat-ws opened them). With the default set here, that first check lies 5 minutes ahead.
 */
@WebListener
public class IdleTimeouts implements ServletContextListener {
  public static final long MAX_IDLE_MILLIS = 300_000;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    if (event.getServletContext().getAttribute(ServerContainer.class.getName()) instanceof ServerContainer container) {
      container.setDefaultMaxSessionIdleTimeout(MAX_IDLE_MILLIS);
    }
  }
}
