package app.dating.chat.boundary;

import app.dating.chat.boundary.Chat.Stored;
import app.dating.chat.entity.Message;
import app.dating.ratelimit.boundary.RateLimit;
import app.dating.ratelimit.boundary.RateLimiter;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends messages (sockets and the API alike) with group commit: a sender's message is checked and
 * counted against the sender's limit on the caller's thread, then queued; a writer stores what has
 * queued up, up to {@value #BATCH} messages, in one transaction ({@link Chat#storeAll}) and the
 * callers get their acks once it committed. Alone, a message is a batch of one; under load one
 * connection, one commit and one JDBC batch serve many (a message's transaction was most of its cost).
 * If a batch's transaction fails, its messages are stored one by one, so each caller gets its own
 * answer and a resend stays a duplicate.
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
  static final long WAIT_SECONDS = 30;
  private static final Logger LOG = Logger.getLogger(ChatWriter.class.getName());

  @Inject Chat chat;
  @Inject RateLimiter limiter;

  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ManagedThreadFactory threads;

  /** Messages a sender may send per 30 s (a token bucket, refilled evenly); benchmarks raise it. */
  @Inject
  @ConfigProperty(name = "chat.sends-per-30s", defaultValue = "30")
  int sendsPer30s;

  private final BlockingQueue<Queued> queue = new LinkedBlockingQueue<>();
  private ExecutorService writers;

  private record Queued(Draft draft, CompletableFuture<Ack> ack) {}

  @PostConstruct
  void start() {
    writers = Executors.newFixedThreadPool(WRITERS, threads);
    for (int i = 0; i < WRITERS; i++) {
      writers.execute(this::write);
    }
  }

  @PreDestroy
  void stop() {
    writers.shutdownNow();
  }

  /** Stores a message and returns its ack, or throws why it was refused (as {@link Chat}'s checks do). */
  public Ack send(UUID sender, UUID conversationId, String clientId, Message.Kind kind, String content) {
    Draft draft = Draft.of(sender, conversationId, clientId, kind, content);
    limiter.consume(new RateLimit("chat-send", sendsPer30s, SENDS_PERIOD), sender.toString());
    Queued queued = new Queued(draft, new CompletableFuture<>());
    queue.add(queued);
    try {
      return queued.ack().get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException refused ? refused : new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the message was being stored", e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("the message was not stored within " + WAIT_SECONDS + " s", e);
    }
  }

  private void write() {
    List<Queued> batch = new ArrayList<>();
    while (!Thread.currentThread().isInterrupted()) {
      try {
        batch.add(queue.take());
      } catch (InterruptedException e) {
        return;
      }
      queue.drainTo(batch, BATCH - 1);
      store(batch);
      batch.clear();
    }
  }

  private void store(List<Queued> batch) {
    List<Stored> stored;
    try {
      stored = chat.storeAll(batch.stream().map(Queued::draft).toList());
    } catch (RuntimeException e) {
      LOG.log(batch.size() == 1 ? Level.FINE : Level.INFO, "a batch of " + batch.size() + " messages failed; storing them one by one", e);
      batch.forEach(this::storeAlone);
      return;
    }
    for (int i = 0; i < batch.size(); i++) {
      if (stored.get(i).refused() != null) {
        batch.get(i).ack().completeExceptionally(stored.get(i).refused());
      } else {
        batch.get(i).ack().complete(stored.get(i).ack());
      }
    }
  }

  private void storeAlone(Queued queued) {
    try {
      queued.ack().complete(chat.store(queued.draft()));
    } catch (RuntimeException e) {
      queued.ack().completeExceptionally(e);
    }
  }
}
