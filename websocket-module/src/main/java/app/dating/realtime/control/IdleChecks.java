package app.dating.realtime.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.websocket.Session;
import java.lang.reflect.Field;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where a socket's idle timeout is scheduled. Tyrus cancels and schedules it again for every frame in
 * and out, on the container's managed scheduled executor: each task handed to it captures the
 * caller's context, and Payara's capture scans the application's class path for context providers
 * every time (ServiceLoader): a fifth of a chat message's server CPU (benchmarks/chat-ws, JFR). The
 * cancelled tasks also stayed queued, with their sessions, until their 5 minutes were up (113 k after
 * 30 k messages). {@link #takeOver} points a session at a scheduler of our own instead: threads made
 * once by the managed thread factory, cancelled tasks removed at once.
 *
 * <p>Tyrus offers no setting for this, so it sets the session's {@code service} field (Tyrus 2.x's
 * {@code TyrusSession}). Should a Tyrus release rename it, sockets keep working on the container's
 * executor as before; the server log says so once.
 */
@ApplicationScoped
public class IdleChecks {
  private static final Logger LOG = Logger.getLogger(IdleChecks.class.getName());
  static final int THREADS = 2;

  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ManagedThreadFactory threads;

  private ScheduledThreadPoolExecutor scheduler;
  private volatile boolean unsupported;

  @PostConstruct
  void start() {
    scheduler = new ScheduledThreadPoolExecutor(THREADS, threads);
    scheduler.setRemoveOnCancelPolicy(true);
  }

  @PreDestroy
  void stop() {
    scheduler.shutdownNow();
  }

  /**
   * Has Tyrus schedule this session's idle checks on our scheduler, with the module's idle timeout
   * (setting it moves the check already scheduled at the session's creation onto our scheduler).
   */
  public void takeOver(Session session) {
    useOurScheduler(session);
    session.setMaxIdleTimeout(IdleTimeouts.MAX_IDLE_MILLIS);
  }

  private void useOurScheduler(Session session) {
    if (unsupported) {
      return;
    }
    try {
      Field service = session.getClass().getDeclaredField("service");
      service.setAccessible(true);
      if (service.getType() != ScheduledExecutorService.class) {
        throw new NoSuchFieldException("service is a " + service.getType());
      }
      service.set(session, scheduler);
    } catch (ReflectiveOperationException | RuntimeException e) {
      unsupported = true;
      LOG.log(Level.WARNING, "Idle checks stay on the container's executor: this Tyrus has no session field 'service'", e);
    }
  }
}
