package app.dating.realtime.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dating.shared.web.ForwardedFor;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.net.URI;
import java.security.Principal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What the opening handshake leaves for signing in: the bearer subprotocol, the session cookie, the
 * Origin.
 */
class HandshakeTest {
  private final Handshake handshake = new Handshake();
  private final ServerEndpointConfig config =
      ServerEndpointConfig.Builder.create(Object.class, "/v1/chat").configurator(handshake).build();

  /** A request with these headers (names as the client wrote them). */
  private record Request(Map<String, List<String>> headers) implements HandshakeRequest {
    @Override
    public Map<String, List<String>> getHeaders() {
      return headers;
    }

    @Override
    public Principal getUserPrincipal() {
      return null;
    }

    @Override
    public URI getRequestURI() {
      return URI.create("/ws/v1/chat");
    }

    @Override
    public boolean isUserInRole(String role) {
      return false;
    }

    @Override
    public Object getHttpSession() {
      return null;
    }

    @Override
    public Map<String, List<String>> getParameterMap() {
      return Map.of();
    }

    @Override
    public String getQueryString() {
      return null;
    }
  }

  /** A request that knows its peer, as Tyrus's does ({@code getRemoteAddr()}). */
  public static final class FromPeer implements HandshakeRequest {
    private final Request request;
    private final String peer;

    FromPeer(String peer, Map<String, List<String>> headers) {
      this.request = new Request(headers);
      this.peer = peer;
    }

    public String getRemoteAddr() {
      return peer;
    }

    @Override
    public Map<String, List<String>> getHeaders() {
      return request.getHeaders();
    }

    @Override
    public Principal getUserPrincipal() {
      return null;
    }

    @Override
    public URI getRequestURI() {
      return request.getRequestURI();
    }

    @Override
    public boolean isUserInRole(String role) {
      return false;
    }

    @Override
    public Object getHttpSession() {
      return null;
    }

    @Override
    public Map<String, List<String>> getParameterMap() {
      return Map.of();
    }

    @Override
    public String getQueryString() {
      return null;
    }
  }

  private static final class Response implements HandshakeResponse {
    final Map<String, List<String>> headers = new HashMap<>();

    @Override
    public Map<String, List<String>> getHeaders() {
      return headers;
    }
  }

  private Map<String, Object> shake(String... headerPairs) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (int i = 0; i < headerPairs.length; i += 2) {
      headers
          .computeIfAbsent(headerPairs[i], name -> new java.util.ArrayList<>())
          .add(headerPairs[i + 1]);
    }
    handshake.modifyHandshake(config, new Request(headers), new Response());
    return config.getUserProperties();
  }

  @Test
  void theBearerTokenComesFromItsSubprotocol() {
    Map<String, Object> seen = shake("Sec-WebSocket-Protocol", "dating.v1, bearer.eyJ.abc.def");
    assertEquals("eyJ.abc.def", seen.get(Handshake.BEARER));
  }

  @Test
  void subprotocolsMayComeInSeveralHeadersOfAnyCase() {
    Map<String, Object> seen =
        shake("sec-websocket-protocol", "dating.v1", "SEC-WEBSOCKET-PROTOCOL", " bearer.tok ");
    assertEquals("tok", seen.get(Handshake.BEARER));
  }

  @Test
  void withoutABearerSubprotocolThereIsNoToken() {
    assertNull(shake("Sec-WebSocket-Protocol", "dating.v1, bearer").get(Handshake.BEARER));
    assertNull(shake("Sec-WebSocket-Protocol", "dating.v1, xbearer.tok").get(Handshake.BEARER));
  }

  @Test
  void theSessionCookieIsPickedFromTheOthers() {
    Map<String, Object> seen =
        shake(
            "Cookie",
            "theme=dark; x__Host-dating-session=forged;  __Host-dating-session=s3cr=t ; lang=en");
    assertEquals("s3cr=t", seen.get(Handshake.COOKIE), "the value is everything after the first =");
    assertNull(shake("Cookie", "__Host-dating-sessionx=1").get(Handshake.COOKIE));
  }

  @Test
  void theOriginIsKept() {
    assertEquals(
        "https://app.example", shake("Origin", "https://app.example").get(Handshake.ORIGIN));
  }

  @Test
  void nothingOfAnEarlierHandshakeIsLeftOver() {
    shake(
        "Sec-WebSocket-Protocol",
        "bearer.a",
        "Cookie",
        "__Host-dating-session=b",
        "Origin",
        "https://o");
    Map<String, Object> next = shake("Sec-WebSocket-Protocol", "dating.v1");
    assertFalse(next.containsKey(Handshake.BEARER));
    assertFalse(next.containsKey(Handshake.COOKIE));
    assertFalse(next.containsKey(Handshake.ORIGIN));
  }

  @Test
  void theServerAnswersDatingV1AndNeverEchoesTheToken() {
    assertEquals("dating.v1", Handshake.PROTOCOL);
    assertEquals(
        "dating.v1",
        handshake.getNegotiatedSubprotocol(
            List.of("dating.v1"), List.of("bearer.secret", "dating.v1")));
    assertEquals(
        "", handshake.getNegotiatedSubprotocol(List.of("dating.v1"), List.of("bearer.secret")));
    assertEquals("", handshake.getNegotiatedSubprotocol(List.of("dating.v1"), List.of()));
  }

  @Test
  void cookieSessionsOnlyFromOurOrigins() {
    String publicUrl = "https://dating.example/";
    Optional<String> allowed =
        Optional.of(" https://app.dating.example , http://localhost:3000/,,");
    assertTrue(
        Handshake.allowsCookieFrom("https://dating.example", publicUrl, allowed),
        "the public URL's");
    assertTrue(Handshake.allowsCookieFrom("https://app.dating.example", publicUrl, allowed));
    assertTrue(Handshake.allowsCookieFrom("http://localhost:3000", publicUrl, allowed));
    assertTrue(Handshake.allowsCookieFrom("https://dating.example", publicUrl, Optional.empty()));

    assertFalse(
        Handshake.allowsCookieFrom(null, publicUrl, allowed), "no Origin, no cookie session");
    assertFalse(
        Handshake.allowsCookieFrom("", publicUrl, allowed), "an empty entry allows nothing");
    assertFalse(Handshake.allowsCookieFrom("https://evil.example", publicUrl, allowed));
    assertFalse(
        Handshake.allowsCookieFrom("http://dating.example", publicUrl, allowed), "another scheme");
    assertFalse(
        Handshake.allowsCookieFrom("https://dating.example.evil.example", publicUrl, allowed));
    assertFalse(
        Handshake.allowsCookieFrom("https://dating.example:8443", publicUrl, allowed),
        "another port");
    assertFalse(
        Handshake.allowsCookieFrom("null", publicUrl, allowed), "sandboxed pages send null");
  }

  @Test
  void theClientAddressIsThePeerOrWhomATrustedProxyNames() {
    Handshake behindProxy = new Handshake(ForwardedFor.of("127.0.0.1"));
    ServerEndpointConfig chat =
        ServerEndpointConfig.Builder.create(Object.class, "/v1/chat")
            .configurator(behindProxy)
            .build();
    behindProxy.modifyHandshake(
        chat,
        new FromPeer("127.0.0.1", Map.of("X-Forwarded-For", List.of("198.51.100.7"))),
        new Response());
    assertEquals("198.51.100.7", chat.getUserProperties().get(Handshake.ADDRESS), "via Apache");
    behindProxy.modifyHandshake(
        chat,
        new FromPeer("203.0.113.9", Map.of("x-forwarded-for", List.of("198.51.100.7"))),
        new Response());
    assertEquals(
        "203.0.113.9", chat.getUserProperties().get(Handshake.ADDRESS), "forged, not believed");
    behindProxy.modifyHandshake(chat, new Request(Map.of()), new Response());
    assertNull(chat.getUserProperties().get(Handshake.ADDRESS), "a request that knows no peer");
  }
}
