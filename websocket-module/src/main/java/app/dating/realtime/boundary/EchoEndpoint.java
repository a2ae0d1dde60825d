package app.dating.realtime.boundary;

import app.dating.realtime.control.IdleChecks;
import jakarta.inject.Inject;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

/**
 * {@code /ws/v1/echo}: answers "ping" with "pong" and echoes anything else. It proves the module,
 * the server's WebSocket stack and the proxy's upgrade handling end to end, and is the ceiling
 * benchmarks/chat-ws measures chat against. Open to anyone and unlimited, so it is deployed only
 * with diagnostics on ({@link DeployedEndpoints}).
 */
@ServerEndpoint("/v1/echo")
public class EchoEndpoint {
  /** Larger frames are refused by the container (close code 1009). */
  static final int MAX_MESSAGE_BYTES = 64 * 1024;

  @Inject IdleChecks idleChecks;

  @OnOpen
  public void open(Session session) {
    idleChecks.takeOver(session);
  }

  @OnMessage(maxMessageSize = MAX_MESSAGE_BYTES)
  public String echo(String message) {
    return "ping".equals(message) ? "pong" : message;
  }
}
