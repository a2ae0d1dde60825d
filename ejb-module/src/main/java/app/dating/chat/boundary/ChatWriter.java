package app.dating.chat.boundary;

import app.dating.chat.entity.Message;
import app.dating.platform.control.GroupCommit;
import app.dating.ratelimit.boundary.RateLimit;
import app.dating.ratelimit.boundary.RateLimiter;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends messages (sockets and the API alike) with group commit ({@link GroupCommit}): a sender's
 * message is checked and counted against the sender's limit on the caller's thread, then queued; a
 * writer stores what has queued up, up to {@value #BATCH} messages, in one transaction
 * ({@link Chat#storeAll}) and the callers get their acks once it committed. If a batch's transaction
 * fails, its messages are stored one by one, so each caller gets its own answer and a resend stays a
 * duplicate.
 */
@ApplicationScoped
public class ChatWriter {
  static final int BATCH = 128;
  /**
   * Two, so one batch is built while the other commits (benchmarks/chat-ws --quick, closed loop: one
   * writer 2,578 msg/s, two 2,940, four 2,380 with smaller batches).
   */
  static final int WRITERS = 2;
  static final Duration SENDS_PERIOD = Duration.ofSeconds(30);

  @Inject Chat chat;
  @Inject RateLimiter limiter;

  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ManagedThreadFactory threads;

  /** Messages a sender may send per 30 s (a token bucket, refilled evenly); benchmarks raise it. */
  @Inject
  @ConfigProperty(name = "chat.sends-per-30s", defaultValue = "30")
  int sendsPer30s;

  private GroupCommit<Draft, Ack> writer;

  @PostConstruct
  void start() {
    writer = new GroupCommit<>("chat writer", threads, WRITERS, BATCH, chat::storeAll);
  }

  @PreDestroy
  void stop() {
    writer.close();
  }

  /** Stores a message and returns its ack, or throws why it was refused (as {@link Chat}'s checks do). */
  public Ack send(UUID sender, UUID conversationId, String clientId, Message.Kind kind, String content) {
    Draft draft = Draft.of(sender, conversationId, clientId, kind, content);
    limiter.consume(new RateLimit("chat-send", sendsPer30s, SENDS_PERIOD), sender.toString());
    return writer.submit(draft);
  }
}
