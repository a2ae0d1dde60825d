package app.dating.realtime.boundary;

import app.dating.chat.boundary.Ack;
import app.dating.chat.boundary.Chat;
import app.dating.chat.boundary.ChatMessage;
import app.dating.chat.boundary.ChatWriter;
import app.dating.chat.boundary.Draft;
import app.dating.chat.boundary.Receipt;
import app.dating.chat.entity.Message;
import app.dating.identity.boundary.Sessions;
import app.dating.identity.control.AccessTokens;
import app.dating.identity.control.Revocations;
import app.dating.realtime.control.Connection;
import app.dating.realtime.control.Connections;
import app.dating.realtime.control.Frames;
import app.dating.realtime.control.Handshake;
import app.dating.realtime.control.IdleChecks;
import app.dating.shared.json.JsonP;
import app.dating.shared.problem.BusinessException;
import app.dating.shared.problem.InvalidInputException;
import app.dating.shared.problem.RateLimitedException;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
@ServerEndpoint(value = "/v1/chat", configurator = Handshake.class, subprotocols = Handshake.PROTOCOL)
public class ChatEndpoint {
    public static final int UNAUTHORIZED = Connection.SIGNED_OUT;
    public static final int FORBIDDEN_ORIGIN = 4403;
    /** Frames above this get an error frame; the container refuses far larger ones outright (1009). */
    static final int FRAME_MAX = 64 * 1024;

    static final int SYNC_PAGE = 200;
    static final long TYPING_GAP_MILLIS = 3000;
    private static final Logger LOG = Logger.getLogger(ChatEndpoint.class.getName());
    private static final String CONNECTION = "chat.connection";

    @Inject
    Chat chat;

    @Inject
    ChatWriter writer;

    @Inject
    Connections connections;

    @Inject
    IdleChecks idleChecks;

    @Inject
    AccessTokens tokens;

    @Inject
    Revocations revocations;

    @Inject
    Sessions sessions;

    @Inject
    Clock clock;

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

    @OnOpen
    public void open(Session session) {
        idleChecks.takeOver(session);
        session.setMaxTextMessageBufferSize(4 * FRAME_MAX);
        Map<String, Object> handshake = session.getUserProperties();
        Object bearer = handshake.get(Handshake.BEARER);
        Object cookie = handshake.get(Handshake.COOKIE);
        if (bearer != null) {
            signIn(session, (String) bearer);
        } else if (cookie != null) {
            Object origin = handshake.get(Handshake.ORIGIN);
            if (origin == null || !origins().contains(origin.toString())) {
                Connection.close(session, FORBIDDEN_ORIGIN, "origin not allowed for cookie sessions");
                return;
            }
            String token = (String) cookie;
            sessions.authenticateWeb(token)
                    .ifPresentOrElse(
                            web -> start(
                                    session,
                                    new Connection(session, web.accountId(), () -> sessions.isWebSessionLive(token))),
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
        if (text.getBytes(StandardCharsets.UTF_8).length > FRAME_MAX) {
            Connection.send(
                    session, Frames.error("too-large", "Frames may hold at most " + FRAME_MAX + " bytes.", null));
            return;
        }
        JsonObject frame;
        try {
            JsonValue value = JsonP.readValue(text);
            if (value.getValueType() != JsonValue.ValueType.OBJECT
                    || !value.asJsonObject().containsKey("type")) {
                Connection.send(session, Frames.error("malformed", "A frame is a JSON object with a \"type\".", null));
                return;
            }
            frame = value.asJsonObject();
        } catch (JsonException | IllegalStateException e) {
            Connection.send(session, Frames.error("malformed", "This frame is not JSON.", null));
            return;
        }
        String type = frame.get("type") instanceof jakarta.json.JsonString s ? s.getString() : "";
        if (connection == null) {
            if ("auth".equals(type) && frame.get("token") instanceof jakarta.json.JsonString token) {
                signIn(session, token.getString());
            } else {
                Connection.send(
                        session, Frames.error("unauthenticated", "Send {\"type\":\"auth\",\"token\":…} first.", null));
            }
            return;
        }
        if (!connection.isSignedIn()) {
            Connection.close(session, UNAUTHORIZED, "session ended; sign in again");
            return;
        }
        String ref = frame.get("clientId") instanceof jakarta.json.JsonString id ? id.getString() : null;
        try {
            switch (type) {
                case "send" -> send(connection, frame, ref);
                case "sync" -> sync(connection, frame);
                case "typing" -> typing(connection, frame);
                case "read", "delivered" -> receipt(connection, frame, "read".equals(type));
                case "ping" -> connection.send(Frames.of(Frames.frame("pong")));
                case "auth" ->
                    connection.send(Frames.error("already-authenticated", "This socket is signed in already.", null));
                default -> connection.send(Frames.error("unknown-type", "Unknown frame type \"" + type + "\".", ref));
            }
        } catch (RateLimitedException e) {
            connection.send(Frames.of(Frames.frame("error")
                    .add("code", "rate-limited")
                    .add("detail", e.getMessage())
                    .add("retryAfter", e.retryAfterSeconds())
                    .add("ref", ref == null ? "" : ref)));
        } catch (InvalidInputException e) {
            String detail = e.violations().isEmpty()
                    ? e.getMessage()
                    : e.violations().get(0).field() + ": "
                            + e.violations().get(0).message();
            connection.send(Frames.error("invalid", detail, ref));
        } catch (BusinessException e) {
            connection.send(Frames.error(e.type().slug(), e.getMessage(), ref));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "chat frame failed", e);
            connection.send(Frames.error("internal", "The frame could not be handled; try again.", ref));
        }
    }

    @OnClose
    public void close(Session session, CloseReason reason) {
        Object connection = session.getUserProperties().get(CONNECTION);
        if (connection instanceof Connection c) {
            connections.remove(c);
        }
    }

    @OnError
    public void error(Session session, Throwable error) {
        LOG.log(Level.FINE, "chat socket error", error);
    }

    private void send(Connection connection, JsonObject frame, String ref) {
        UUID conversation = uuid(frame, "conversation");
        Draft.Content content =
                Draft.Content.of(given(frame, "text"), given(frame, "ciphertext"), given(frame, "photo"));
        Ack ack = writer.send(connection.accountId(), conversation, ref, content.kind(), content.value());
        connection.send(Frames.of(Frames.frame("ack")
                .add("conversation", conversation.toString())
                .add("clientId", ack.clientId())
                .add("seq", ack.seq())
                .add("at", ack.at().toString())
                .add("duplicate", ack.duplicate())));
        if (!ack.duplicate() && content.kind() != Message.Kind.E2E) {
            connections.deliverHere(stored(connection, ack, content), ack.members());
        }
        connections.announce(conversation, ack.seq(), ack.members());
    }

    /** The message just stored, as its readers get it (end-to-end ciphertext is left to a fetch, as stored). */
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

    private void sync(Connection connection, JsonObject frame) {
        JsonObject has = frame.containsKey("conversations")
                        && frame.get("conversations").getValueType() == JsonValue.ValueType.OBJECT
                ? frame.getJsonObject("conversations")
                : JsonValue.EMPTY_JSON_OBJECT;
        UUID me = connection.accountId();
        for (Map.Entry<UUID, Long> conversation : chat.lastSequences(me).entrySet()) {
            UUID id = conversation.getKey();
            long last = conversation.getValue();
            long from = has.get(id.toString()) instanceof JsonNumber n
                    ? Math.max(0, n.longValue())
                    : Math.max(0, last - 50);
            connection.resync(id, Math.min(from, last), last, after -> chat.after(me, id, after, last, SYNC_PAGE));
        }
        connection.send(Frames.of(Frames.frame("synced")));
    }

    private void typing(Connection connection, JsonObject frame) {
        UUID conversation = uuid(frame, "conversation");
        UUID peer = chat.peerIn(connection.accountId(), conversation);
        if (connection.mayTyping(conversation, clock.instant(), TYPING_GAP_MILLIS)) {
            connections.signal(
                    List.of(peer),
                    Frames.of(Frames.frame("typing")
                            .add("conversation", conversation.toString())
                            .add("from", connection.accountId().toString())));
        }
    }

    private void receipt(Connection connection, JsonObject frame, boolean read) {
        UUID conversation = uuid(frame, "conversation");
        if (!(frame.get("upTo") instanceof JsonNumber upTo)) {
            throw InvalidInputException.of("upTo", "The sequence number read or received up to.");
        }
        Receipt receipt = chat.receipt(connection.accountId(), conversation, upTo.longValue(), read);
        String out = Frames.of(Frames.frame(read ? "read" : "delivered")
                .add("conversation", conversation.toString())
                .add("by", receipt.by().toString())
                .add("upTo", read ? receipt.readUpTo() : receipt.deliveredUpTo()));
        connections.signal(List.of(receipt.peer(), receipt.by()), out);
    }

    private void signIn(Session session, String token) {
        tokens.verify(token)
                .filter(this::stillValid)
                .ifPresentOrElse(
                        t -> start(session, new Connection(session, t.subject(), () -> stillValid(t))),
                        () -> Connection.close(session, UNAUTHORIZED, "invalid or expired token"));
    }

    /** An access token not past its expiry, whose session was not revoked since it was issued. */
    private boolean stillValid(AccessTokens.Verified token) {
        return clock.instant().isBefore(token.expiresAt())
                && !revocations.isRevoked(token.subject(), token.sessionId(), token.issuedAt());
    }

    private void start(Session session, Connection connection) {
        session.getUserProperties().put(CONNECTION, connection);
        connection.startAt(chat.lastSequences(connection.accountId()));
        connections.add(connection);
        connection.send(Frames.of(
                Frames.frame("ready").add("account", connection.accountId().toString())));
    }

    private Set<String> origins() {
        java.util.Set<String> allowed = new java.util.HashSet<>();
        allowedOrigins.ifPresent(list ->
                java.util.Arrays.stream(list.split(",")).map(String::strip).forEach(allowed::add));
        allowed.add(publicUrl.replaceAll("/+$", ""));
        return allowed;
    }

    private static UUID uuid(JsonObject frame, String field) {
        try {
            return UUID.fromString(frame.getString(field));
        } catch (RuntimeException e) {
            throw InvalidInputException.of(field, "Give the " + field + " as an id.");
        }
    }

    /** A field's text; a field that is there but not text counts as given and empty (refused as such). */
    private static String given(JsonObject frame, String field) {
        return frame.get(field) instanceof jakarta.json.JsonString s
                ? s.getString()
                : frame.containsKey(field) ? "" : null;
    }
}
