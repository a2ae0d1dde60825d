package app.dating.realtime.control;

import app.dating.chat.boundary.ChatFrames;
import app.dating.chat.boundary.ChatMessage;
import app.dating.shared.problem.InvalidInputException;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One device's socket. Messages reach it in sequence order without gaps: per conversation it
 * remembers the last sequence number it was given, skips what it has, and fetches what it missed
 * before it sends anything newer.
 */
public final class Connection {
  private static final Logger LOG = Logger.getLogger(Connection.class.getName());

  /** Close code: the credential is missing, invalid, expired or revoked. */
  public static final int SIGNED_OUT = 4401;

  /** Close code: the account or the client address holds as many sockets as it may. */
  public static final int TOO_MANY_SOCKETS = 4429;

  /** Most messages one fetch of a sync asks for. */
  static final int FETCH = 200;

  static final String SYNC_GONE = "No sync of this cursor is under way; sync again without one.";

  static final long RECHECK_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final Session session;
  private final UUID accountId;
  private final BooleanSupplier signedIn;
  private final LongSupplier nanoTime;
  private final Map<UUID, Long> delivered = new HashMap<>();
  private final Map<UUID, Instant> lastTyping = new HashMap<>();
  private Deque<SyncRange> syncing;
  private String syncCursor;
  private long syncs;
  private volatile long checkedAt;

  /**
   * @param signedIn whether the credential the socket opened with still holds (an access token not
   *     expired nor revoked, a browser session not ended); asked before each frame is handled and
   *     at each heartbeat, so it must not count as activity (a socket does not keep a session
   *     alive)
   */
  public Connection(Session session, UUID accountId, BooleanSupplier signedIn) {
    this(session, accountId, signedIn, System::nanoTime);
  }

  /** With the monotonic clock the credential re-check goes by (tests give their own). */
  Connection(Session session, UUID accountId, BooleanSupplier signedIn, LongSupplier nanoTime) {
    this.session = session;
    this.accountId = accountId;
    this.signedIn = signedIn;
    this.nanoTime = nanoTime;
    this.checkedAt = nanoTime.getAsLong() - RECHECK_NANOS;
  }

  /**
   * Whether the credential still holds. A yes is remembered for {@link #RECHECK_NANOS}: a busy
   * socket asks once a second, not once per frame (each check reads the shared cache), so a revoked
   * credential may pass frames for up to a second before the socket closes.
   */
  public boolean isSignedIn() {
    long now = nanoTime.getAsLong();
    if (now - checkedAt < RECHECK_NANOS) {
      return true;
    }
    boolean holds = signedIn.getAsBoolean();
    if (holds) {
      checkedAt = now;
    }
    return holds;
  }

  /**
   * Brings the conversation up to {@code upTo}: {@code fetch} gives the messages after a sequence
   * number (up to {@code upTo}), oldest first. At connect every conversation starts where it stood
   * (older messages come with a sync); one begun since starts at its beginning.
   */
  public synchronized void deliverUpTo(
      UUID conversation, long upTo, Function<Long, List<ChatMessage>> fetch) {
    long known = delivered.getOrDefault(conversation, 0L);
    while (known < upTo) {
      List<ChatMessage> missing = fetch.apply(known);
      if (missing.isEmpty()) {
        break;
      }
      for (ChatMessage message : missing) {
        if (message.seq() > known) {
          send(ChatFrames.message(message));
          known = message.seq();
        }
      }
    }
    delivered.put(conversation, Math.max(known, delivered.getOrDefault(conversation, 0L)));
  }

  /** Where each conversation stands: later deliveries continue from there. */
  public synchronized void startAt(Map<UUID, Long> lastSequences) {
    delivered.putAll(lastSequences);
  }

  /**
   * What a sync is to send of a conversation: the messages after {@code has}, up to {@code upTo}.
   */
  public record SyncRange(UUID conversation, long has, long upTo) {}

  /**
   * The messages of a conversation after a sequence number, up to another, oldest first, at most
   * {@code limit}.
   */
  @FunctionalInterface
  public interface History {
    List<ChatMessage> after(UUID conversation, long after, long upTo, int limit);
  }

  /**
   * Starts a sync (in place of one under way) and sends its first page: at most {@code page}
   * messages, the ranges in their order. Returns the cursor that continues it, or empty when it is
   * done.
   */
  public synchronized Optional<String> sync(List<SyncRange> ranges, int page, History history) {
    syncing = new ArrayDeque<>();
    ranges.stream().filter(r -> r.has() < r.upTo()).forEach(syncing::add);
    return nextSyncPage(page, history);
  }

  /**
   * Sends the next page of the sync this cursor continues.
   *
   * @throws InvalidInputException (field {@code cursor}) when no sync of this cursor is under way
   *     on this socket
   */
  public synchronized Optional<String> continueSync(String cursor, int page, History history) {
    if (syncing == null || !cursor.equals(syncCursor)) {
      throw InvalidInputException.of("cursor", SYNC_GONE);
    }
    return nextSyncPage(page, history);
  }

  /**
   * A page of the sync under way. Each conversation it reaches counts as delivered up to where the
   * sync goes (live messages go on from there), so messages it has yet to send may come after newer
   * ones; each comes once, and clients order by {@code seq}.
   */
  private Optional<String> nextSyncPage(int page, History history) {
    int left = Math.max(1, page);
    while (!syncing.isEmpty() && left > 0) {
      SyncRange range = syncing.removeFirst();
      delivered.merge(range.conversation(), range.upTo(), Math::max);
      long reached = range.has();
      while (reached < range.upTo() && left > 0) {
        List<ChatMessage> missing =
            history.after(range.conversation(), reached, range.upTo(), Math.min(FETCH, left));
        if (missing.isEmpty()) {
          reached = range.upTo();
          break;
        }
        for (ChatMessage message : missing) {
          if (message.seq() > reached && left > 0) {
            send(ChatFrames.message(message));
            reached = message.seq();
            left--;
          }
        }
      }
      if (reached < range.upTo()) {
        syncing.addFirst(new SyncRange(range.conversation(), reached, range.upTo()));
      }
    }
    if (syncing.isEmpty()) {
      syncing = null;
      syncCursor = null;
      return Optional.empty();
    }
    syncCursor = Long.toString(++syncs);
    return Optional.of(syncCursor);
  }

  /** Typing indicators: at most one every {@code gapMillis} per conversation from this device. */
  public synchronized boolean mayTyping(UUID conversation, Instant now, long gapMillis) {
    Instant last = lastTyping.get(conversation);
    if (last != null && now.isBefore(last.plusMillis(gapMillis))) {
      return false;
    }
    lastTyping.put(conversation, now);
    return true;
  }

  public void send(String frame) {
    send(session, frame);
  }

  /**
   * A WebSocket ping (the client's stack answers it): keeps proxies from closing a quiet socket.
   */
  public void ping() {
    if (!session.isOpen()) {
      return;
    }
    try {
      synchronized (session) {
        session.getBasicRemote().sendPing(ByteBuffer.allocate(0));
      }
    } catch (IOException | IllegalStateException e) {
      LOG.log(Level.FINE, "ping to a closing socket failed", e);
    }
  }

  /** Closes the socket because its credential no longer holds. */
  public void signOut() {
    close(session, SIGNED_OUT, "signed out; sign in again");
  }

  /** Sends a frame on any socket, signed in or not; one sender at a time per socket. */
  public static void send(Session session, String frame) {
    if (!session.isOpen()) {
      return;
    }
    try {
      synchronized (session) {
        session.getBasicRemote().sendText(frame);
      }
    } catch (IOException | IllegalStateException e) {
      LOG.log(Level.FINE, "send to a closing socket failed", e);
    }
  }

  /** Closes a socket with one of our codes (4401 signed out, 4403 origin refused). */
  public static void close(Session session, int code, String reason) {
    try {
      session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason));
    } catch (IOException e) {
      LOG.log(Level.FINE, "close failed", e);
    }
  }

  public UUID accountId() {
    return accountId;
  }
}
