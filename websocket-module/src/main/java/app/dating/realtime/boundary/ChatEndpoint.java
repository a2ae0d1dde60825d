package app.dating.realtime.boundary;

import app.dating.chat.boundary.Ack;
import app.dating.chat.boundary.Chat;
import app.dating.chat.boundary.ChatFrames;
import app.dating.chat.boundary.ChatFrames.ErrorCode;
import app.dating.chat.boundary.ChatMessage;
import app.dating.chat.boundary.ChatWriter;
import app.dating.chat.boundary.Draft;
import app.dating.chat.boundary.Receipt;
import app.dating.chat.entity.Message;
import app.dating.identity.boundary.AccessTokenChecks;
import app.dating.identity.boundary.Sessions;
import app.dating.identity.boundary.VerifiedToken;
import app.dating.realtime.control.Connection;
import app.dating.realtime.control.Connections;
import app.dating.realtime.control.FrameBudget;
import app.dating.realtime.control.FrameBudgets;
import app.dating.realtime.control.Handshake;
import app.dating.realtime.control.IdleChecks;
import app.dating.realtime.control.Inbound;
import app.dating.shared.problem.BusinessException;
import app.dating.shared.problem.RateLimitedException;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code /ws/v1/chat}, protocol {@code dating.v1} (docs/chat-protocol.md). Signs in with an access
 * token (subprotocol {@code bearer.<token>}, or an {@code auth} frame within a few seconds) or the
 * browser's session cookie from one of our origins. Bad frames are answered with an error frame and
 * the socket stays open; an ended session closes it with 4401.
 */
@ServerEndpoint(
    value = "/v1/chat",
    configurator = Handshake.class,
    subprotocols = Handshake.PROTOCOL)
public class ChatEndpoint {
  public static final int UNAUTHORIZED = Connection.SIGNED_OUT;
  public static final int FORBIDDEN_ORIGIN = 4403;
  static final long TYPING_GAP_MILLIS = 3000;
  private static final Logger LOG = Logger.getLogger(ChatEndpoint.class.getName());
  private static final String CONNECTION = "chat.connection";
  private static final String BUDGET = "chat.budget";
  private static final String ADDRESS = "chat.address";

  @Inject Chat chat;

  @Inject ChatWriter writer;

  @Inject Connections connections;

  @Inject FrameBudgets budgets;

  @Inject IdleChecks idleChecks;

  @Inject AccessTokenChecks tokens;

  @Inject Sessions sessions;

  @Inject Clock clock;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService scheduler;

  @Inject
  @ConfigProperty(name = "app.public-url", defaultValue = "http://localhost:8080")
  String publicUrl;

  @Inject
  @ConfigProperty(name = "chat.allowed-origins")
  Optional<String> allowedOrigins;

  @Inject
  @ConfigProperty(name = "chat.auth-timeout-seconds", defaultValue = "5")
  int authTimeoutSeconds;

  /** Most messages one {@code sync} frame sends; {@code synced} then says how to go on. */
  @Inject
  @ConfigProperty(name = "chat.sync-page-messages", defaultValue = "200")
  int syncPageMessages;

  @OnOpen
  public void open(Session session) {
    idleChecks.takeOver(session);
    session.setMaxTextMessageBufferSize(4 * Inbound.MAX_BYTES);
    Map<String, Object> handshake = session.getUserProperties();
    Object address = handshake.get(Handshake.ADDRESS);
    if (address != null) {
      if (!connections.admit((String) address)) {
        Connection.close(
            session, Connection.TOO_MANY_SOCKETS, "too many sockets from this address");
        return;
      }
      handshake.put(ADDRESS, address);
    }
    handshake.put(BUDGET, budgets.budget());
    Object bearer = handshake.get(Handshake.BEARER);
    Object cookie = handshake.get(Handshake.COOKIE);
    if (bearer != null) {
      signIn(session, (String) bearer);
    } else if (cookie != null) {
      Object origin = handshake.get(Handshake.ORIGIN);
      if (!Handshake.allowsCookieFrom((String) origin, publicUrl, allowedOrigins)) {
        Connection.close(session, FORBIDDEN_ORIGIN, "origin not allowed for cookie sessions");
        return;
      }
      String token = (String) cookie;
      sessions
          .authenticateWeb(token)
          .ifPresentOrElse(
              web ->
                  start(
                      session,
                      new Connection(
                          session, web.accountId(), () -> sessions.isWebSessionLive(token))),
              () -> Connection.close(session, UNAUTHORIZED, "session ended; sign in again"));
    } else {
      scheduler.schedule(
          () -> {
            if (session.isOpen() && !session.getUserProperties().containsKey(CONNECTION)) {
              Connection.close(
                  session, UNAUTHORIZED, "authenticate within " + authTimeoutSeconds + " seconds");
            }
          },
          authTimeoutSeconds,
          TimeUnit.SECONDS);
    }
  }

  @OnMessage
  public void frame(Session session, String text) {
    Connection connection = (Connection) session.getUserProperties().get(CONNECTION);
    Inbound frame;
    try {
      frame = Inbound.read(text);
    } catch (Inbound.Unreadable e) {
      if (withinBudget(session, FrameBudget.Kind.OTHER, null)) {
        Connection.send(session, ChatFrames.error(e.code(), e.getMessage(), null));
      }
      return;
    }
    if (!withinBudget(session, FrameBudget.Kind.of(frame.type()), frame.clientId())) {
      return;
    }
    if (connection == null) {
      if ("auth".equals(frame.type()) && frame.token() != null) {
        signIn(session, frame.token());
      } else {
        Connection.send(
            session,
            ChatFrames.error(
                ErrorCode.UNAUTHENTICATED, "Send {\"type\":\"auth\",\"token\":…} first.", null));
      }
      return;
    }
    if (!connection.isSignedIn()) {
      Connection.close(session, UNAUTHORIZED, "session ended; sign in again");
      return;
    }
    String ref = frame.clientId();
    try {
      switch (frame.type()) {
        case "send" -> send(connection, frame, ref);
        case "sync" -> sync(connection, frame);
        case "typing" -> typing(connection, frame);
        case "read", "delivered" -> receipt(connection, frame, "read".equals(frame.type()));
        case "ping" -> connection.send(ChatFrames.pong());
        case "auth" ->
            connection.send(
                ChatFrames.error(
                    ErrorCode.ALREADY_AUTHENTICATED, "This socket is signed in already.", null));
        default ->
            connection.send(
                ChatFrames.error(
                    ErrorCode.UNKNOWN_TYPE, "Unknown frame type \"" + frame.type() + "\".", ref));
      }
    } catch (BusinessException e) {
      connection.send(ChatFrames.refusal(e, ref));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "chat frame failed", e);
      connection.send(
          ChatFrames.error(ErrorCode.INTERNAL, "The frame could not be handled; try again.", ref));
    }
  }

  @OnClose
  public void close(Session session, CloseReason reason) {
    Object connection = session.getUserProperties().get(CONNECTION);
    if (connection instanceof Connection c) {
      connections.remove(c);
    }
    if (session.getUserProperties().remove(ADDRESS) instanceof String address) {
      connections.release(address);
    }
  }

  /**
   * Whether the socket's budget has room for a frame of this kind; if not, the client is told when
   * to try again ({@code rate-limited}, naming the frame's {@code clientId}) and the frame is
   * dropped.
   */
  private static boolean withinBudget(Session session, FrameBudget.Kind kind, String ref) {
    if (!(session.getUserProperties().get(BUDGET) instanceof FrameBudget budget)) {
      return false; // a socket refused at open: it is closing, nothing it sends is handled
    }
    Duration wait = budget.take(kind);
    if (wait.isZero()) {
      return true;
    }
    Connection.send(
        session,
        ChatFrames.refusal(
            new RateLimitedException(
                "Too many " + kind.key() + " frames on this socket; try again later.", wait),
            ref));
    return false;
  }

  @OnError
  public void error(Session session, Throwable error) {
    LOG.log(Level.FINE, "chat socket error", error);
  }

  private void send(Connection connection, Inbound frame, String ref) {
    UUID conversation = frame.uuid("conversation");
    Draft.Content content =
        Draft.Content.of(frame.given("text"), frame.given("ciphertext"), frame.given("photo"));
    Ack ack =
        writer.send(connection.accountId(), conversation, ref, content.kind(), content.value());
    connection.send(ChatFrames.ack(ack));
    if (!ack.duplicate() && content.kind() != Message.Kind.E2E) {
      connections.deliverHere(stored(connection, ack, content), ack.members());
    }
    connections.announce(conversation, ack.seq(), ack.members());
  }

  /**
   * The message just stored, as its readers get it (end-to-end ciphertext is left to a fetch, as
   * stored).
   */
  private static ChatMessage stored(Connection sender, Ack ack, Draft.Content content) {
    Message.Kind kind = content.kind();
    return new ChatMessage(
        ack.conversation(),
        ack.seq(),
        sender.accountId(),
        ack.clientId(),
        kind.name(),
        kind == Message.Kind.TEXT ? content.value() : null,
        null,
        kind == Message.Kind.PHOTO ? UUID.fromString(content.value()) : null,
        ack.at());
  }

  /**
   * A page of a sync: a new one from what the client says it has (conversations it leaves out:
   * their last 50), in the order of the conversations' ids, or the next page of the one its {@code
   * cursor} continues. {@code synced} carries the cursor of the next page while there is one.
   */
  private void sync(Connection connection, Inbound frame) {
    UUID me = connection.accountId();
    Connection.History history =
        (conversation, after, upTo, limit) -> {
          try {
            return chat.after(me, conversation, after, upTo, limit);
          } catch (BusinessException ended) { // unmatched or blocked since: nothing to send
            return List.of();
          }
        };
    String cursor = frame.given("cursor");
    Optional<String> next;
    if (cursor != null) {
      next = connection.continueSync(cursor, syncPageMessages, history);
    } else {
      List<Connection.SyncRange> ranges =
          chat.lastSequences(me).entrySet().stream()
              .sorted(Map.Entry.comparingByKey())
              .map(
                  c -> {
                    long last = c.getValue();
                    long has = frame.has(c.getKey()).orElse(Math.max(0, last - 50));
                    return new Connection.SyncRange(c.getKey(), Math.min(has, last), last);
                  })
              .toList();
      next = connection.sync(ranges, syncPageMessages, history);
    }
    connection.send(ChatFrames.synced(next));
  }

  private void typing(Connection connection, Inbound frame) {
    UUID conversation = frame.uuid("conversation");
    UUID peer = chat.peerIn(connection.accountId(), conversation);
    if (connection.mayTyping(conversation, clock.instant(), TYPING_GAP_MILLIS)) {
      connections.signal(List.of(peer), ChatFrames.typing(conversation, connection.accountId()));
    }
  }

  private void receipt(Connection connection, Inbound frame, boolean read) {
    UUID conversation = frame.uuid("conversation");
    Receipt receipt = chat.receipt(connection.accountId(), conversation, frame.upTo(), read);
    connections.signal(List.of(receipt.peer(), receipt.by()), ChatFrames.receipt(receipt, read));
  }

  private void signIn(Session session, String token) {
    tokens
        .verify(token)
        .filter(this::stillValid)
        .ifPresentOrElse(
            t -> start(session, new Connection(session, t.subject(), () -> stillValid(t))),
            () -> Connection.close(session, UNAUTHORIZED, "invalid or expired token"));
  }

  /** An access token not past its expiry, whose session was not revoked since it was issued. */
  private boolean stillValid(VerifiedToken token) {
    return clock.instant().isBefore(token.expiresAt()) && !tokens.isRevoked(token);
  }

  /**
   * Signs the socket in, unless its account holds as many sockets as it may (closed with {@value
   * Connection#TOO_MANY_SOCKETS}). Where each conversation stands is noted before the socket is
   * registered for deliveries, so none replays a conversation from its start.
   */
  private void start(Session session, Connection connection) {
    connection.startAt(chat.lastSequences(connection.accountId()));
    if (!connections.add(connection)) {
      Connection.close(session, Connection.TOO_MANY_SOCKETS, "too many sockets for this account");
      return;
    }
    session.getUserProperties().put(CONNECTION, connection);
    connection.send(ChatFrames.ready(connection.accountId()));
  }
}
