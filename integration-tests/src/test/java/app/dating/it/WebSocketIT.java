package app.dating.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;
import java.net.URI;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The websocket module is deployed and answers on /ws/v1/echo. */
class WebSocketIT {

  /** A connected client that queues what it receives. */
  static final class Client implements AutoCloseable {
    final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    final Session session;

    Client(WebSocketContainer container, ClientEndpointConfig config, URI uri) throws Exception {
      session =
          container.connectToServer(
              new Endpoint() {
                @Override
                public void onOpen(Session s, EndpointConfig c) {
                  s.addMessageHandler(String.class, (MessageHandler.Whole<String>) received::add);
                }
              },
              config,
              uri);
    }

    String roundTrip(String text) throws Exception {
      session.getBasicRemote().sendText(text);
      String reply = received.poll(10, TimeUnit.SECONDS);
      if (reply == null) {
        throw new AssertionError("no answer to " + text);
      }
      return reply;
    }

    @Override
    public void close() throws Exception {
      session.close();
    }
  }

  @Test
  void echoAnswersPingAndEchoesText() throws Exception {
    WebSocketContainer container = ContainerProvider.getWebSocketContainer();
    URI uri = URI.create("ws://localhost:" + Platform.HTTP_PORT + "/ws/v1/echo");
    try (Client client = new Client(container, ClientEndpointConfig.Builder.create().build(), uri)) {
      assertEquals("pong", client.roundTrip("ping"));
      assertEquals("héllo, wörld", client.roundTrip("héllo, wörld"));
    }
  }
}
