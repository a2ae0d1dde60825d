package app.dating.realtime.control;

import app.dating.chat.boundary.ChatFrames;
import app.dating.shared.config.ConfigKeys;
import app.dating.shared.web.ForwardedFor;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Keeps what authentication needs from the opening handshake: a bearer token offered as the
 * subprotocol {@code bearer.<token>} (browsers cannot set headers on a WebSocket), the session
 * cookie, and the Origin (cookie sessions are accepted only from our own origins); and the client's
 * address behind trusted proxies ({@link ForwardedFor}), which sockets are counted by. The
 * negotiated subprotocol is always {@value #PROTOCOL}, never the token.
 */
public class Handshake extends ServerEndpointConfig.Configurator {
  public static final String PROTOCOL = ChatFrames.PROTOCOL;
  static final String BEARER_PREFIX = "bearer.";
  public static final String BEARER = "handshake.bearer";
  public static final String COOKIE = "handshake.cookie";
  public static final String ORIGIN = "handshake.origin";
  public static final String ADDRESS = "handshake.address";
  private static final Logger LOG = Logger.getLogger(Handshake.class.getName());
  private static final AtomicBoolean NO_PEER_LOGGED = new AtomicBoolean();

  private volatile ForwardedFor forwardedFor;

  /** As the container makes it: the trusted proxies come from configuration. */
  public Handshake() {}

  /** With these trusted proxies (tests). */
  Handshake(ForwardedFor forwardedFor) {
    this.forwardedFor = forwardedFor;
  }

  @Override
  public void modifyHandshake(
      ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
    Map<String, Object> properties = config.getUserProperties();
    properties.remove(BEARER);
    properties.remove(COOKIE);
    properties.remove(ORIGIN);
    properties.remove(ADDRESS);
    peer(request)
        .ifPresent(
            peer ->
                properties.put(
                    ADDRESS,
                    forwardedFor()
                        .resolve(
                            peer,
                            header(request, "X-Forwarded-For").stream()
                                .reduce((a, b) -> a + "," + b)
                                .orElse(null))));
    for (String offered : header(request, "Sec-WebSocket-Protocol")) {
      for (String protocol : offered.split(",")) {
        if (protocol.strip().startsWith(BEARER_PREFIX)) {
          properties.put(BEARER, protocol.strip().substring(BEARER_PREFIX.length()));
        }
      }
    }
    for (String cookies : header(request, "Cookie")) {
      for (String cookie : cookies.split(";")) {
        String[] pair = cookie.strip().split("=", 2);
        if (pair.length == 2 && pair[0].equals("__Host-dating-session")) {
          properties.put(COOKIE, pair[1]);
        }
      }
    }
    header(request, "Origin").stream()
        .findFirst()
        .ifPresent(origin -> properties.put(ORIGIN, origin));
  }

  @Override
  public String getNegotiatedSubprotocol(List<String> supported, List<String> requested) {
    return requested.contains(PROTOCOL) ? PROTOCOL : "";
  }

  /**
   * Whether a page at {@code origin} may open a socket with the browser's session cookie: only from
   * the platform's public URL or one of the allowed origins (comma-separated), compared exactly,
   * less trailing slashes; no Origin at all is refused (cross-site WebSocket hijacking).
   */
  public static boolean allowsCookieFrom(
      String origin, String publicUrl, Optional<String> allowedOrigins) {
    if (origin == null || origin.isBlank()) {
      return false;
    }
    String asked = withoutTrailingSlash(origin.strip());
    return asked.equals(withoutTrailingSlash(publicUrl.strip()))
        || allowedOrigins.stream()
            .flatMap(list -> Arrays.stream(list.split(",")))
            .map(String::strip)
            .filter(allowed -> !allowed.isEmpty())
            .anyMatch(allowed -> asked.equals(withoutTrailingSlash(allowed)));
  }

  /**
   * The connection's peer: the WebSocket API does not give it, Tyrus's handshake request does (its
   * public {@code getRemoteAddr()}). Without it sockets are not counted by address, logged once.
   */
  static Optional<String> peer(HandshakeRequest request) {
    try {
      Object address = request.getClass().getMethod("getRemoteAddr").invoke(request);
      if (address instanceof String peer && !peer.isBlank()) {
        return Optional.of(peer);
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      if (NO_PEER_LOGGED.compareAndSet(false, true)) {
        LOG.log(
            Level.WARNING,
            "The handshake request gives no client address; chat sockets are not counted by"
                + " address (chat.sockets-per-address). Logged once.",
            e);
      }
    }
    return Optional.empty();
  }

  private ForwardedFor forwardedFor() {
    if (forwardedFor == null) {
      forwardedFor =
          ForwardedFor.of(
              ConfigProvider.getConfig()
                  .getOptionalValue(ConfigKeys.TRUSTED_PROXIES, String.class)
                  .orElse(ForwardedFor.DEFAULT_TRUSTED));
    }
    return forwardedFor;
  }

  private static String withoutTrailingSlash(String url) {
    return url.replaceAll("/+$", "");
  }

  private static List<String> header(HandshakeRequest request, String name) {
    return request.getHeaders().entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name))
        .flatMap(e -> e.getValue().stream())
        .toList();
  }
}
