package app.dating.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;
import java.io.StringReader;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.ClientProperties;

/**
 * A device on the chat socket ({@code /ws/v1/chat}, protocol dating.v1), with the frames it
 * received. Every frame it receives or sends is checked against the served AsyncAPI document
 * ({@link ChatContract}); one that breaks it fails the test (frames meant to break it go through
 * {@link #sendOutOfContract}).
 */
final class ChatClient implements AutoCloseable {
  /**
   * A client container of its own for each socket, over Tyrus's one shared transport. Tyrus stops a
   * container's executors when its last socket closes: with one container for the whole run, a
   * socket the server closed (4401) could do that just as the next client connected, whose
   * handshake then failed with RejectedExecutionException (seen in CI as "Handshake response not
   * received"). A container per socket has no other socket to race with.
   */
  static WebSocketContainer container() {
    ClientManager client = ClientManager.createClient();
    client.getProperties().put(ClientProperties.SHARED_CONTAINER, true);
    client.getProperties().put(ClientProperties.SHARED_CONTAINER_IDLE_TIMEOUT, 600);
    return client;
  }

  final BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
  final CompletableFuture<CloseReason> closed = new CompletableFuture<>();
  final Session session;

  /** Every frame received and sent is checked against the served AsyncAPI document. */
  private final ChatContract contract = ChatContract.served();

  /** Frames received that broke the contract: the test fails at its next await, or at close. */
  private final List<AssertionError> broken = new CopyOnWriteArrayList<>();

  private ChatClient(ClientEndpointConfig config, URI uri) throws Exception {
    this(container(), config, uri);
  }

  private ChatClient(WebSocketContainer container, ClientEndpointConfig config, URI uri)
      throws Exception {
    session =
        container.connectToServer(
            new Endpoint() {
              @Override
              public void onOpen(Session s, EndpointConfig c) {
                s.addMessageHandler(
                    String.class, (MessageHandler.Whole<String>) ChatClient.this::received);
              }

              @Override
              public void onClose(Session s, CloseReason reason) {
                closed.complete(reason);
              }
            },
            config,
            uri);
  }

  static URI uri() {
    return uri("ws://localhost:" + Platform.HTTP_PORT);
  }

  /** The chat endpoint of the server at {@code origin} (scheme, host and port). */
  static URI uri(String origin) {
    return URI.create(origin + "/ws/v1/chat");
  }

  /**
   * Signs in with the token as subprotocol {@code bearer.<token>}, and waits until the server is
   * ready.
   */
  static ChatClient bearer(String token) throws Exception {
    return bearer(token, uri(), container());
  }

  /**
   * As {@link #bearer(String)}, to another server or through another client container (TLS, say).
   */
  static ChatClient bearer(String token, URI uri, WebSocketContainer container) throws Exception {
    ClientEndpointConfig config =
        ClientEndpointConfig.Builder.create()
            .preferredSubprotocols(List.of("dating.v1", "bearer." + token))
            .build();
    ChatClient client = new ChatClient(container, config, uri);
    client.await("ready");
    return client;
  }

  /**
   * Opens a socket with the token as subprotocol, from {@code forwardedFor} (the address the server
   * believes from loopback), without waiting for {@code ready}: the server may refuse it.
   */
  static ChatClient opening(String token, String forwardedFor) throws Exception {
    ClientEndpointConfig config =
        ClientEndpointConfig.Builder.create()
            .preferredSubprotocols(List.of("dating.v1", "bearer." + token))
            .configurator(
                new ClientEndpointConfig.Configurator() {
                  @Override
                  public void beforeRequest(Map<String, List<String>> request) {
                    request.put("X-Forwarded-For", List.of(forwardedFor));
                  }
                })
            .build();
    return new ChatClient(config, uri());
  }

  /** Connects without credentials; the first frame must sign in. */
  static ChatClient anonymous() throws Exception {
    return new ChatClient(
        ClientEndpointConfig.Builder.create().preferredSubprotocols(List.of("dating.v1")).build(),
        uri());
  }

  /** Connects with request headers (Cookie, Origin) as a browser would. */
  static ChatClient withHeaders(Map<String, String> headers) throws Exception {
    ClientEndpointConfig config =
        ClientEndpointConfig.Builder.create()
            .preferredSubprotocols(List.of("dating.v1"))
            .configurator(
                new ClientEndpointConfig.Configurator() {
                  @Override
                  public void beforeRequest(Map<String, List<String>> request) {
                    headers.forEach((name, value) -> request.put(name, List.of(value)));
                  }
                })
            .build();
    return new ChatClient(config, uri());
  }

  private void received(String text) {
    try {
      contract.check(ChatContract.Direction.SERVER, text);
    } catch (AssertionError
        | RuntimeException e) { // a handler's exception would be lost: keep it for the test
      ChatContract.BROKEN.incrementAndGet();
      broken.add(
          e instanceof AssertionError broke
              ? broke
              : new AssertionError("checking a frame failed: " + text, e));
    }
    try {
      frames.add(Json.createReader(new StringReader(text)).readObject());
    } catch (RuntimeException notAnObject) {
      broken.add(new AssertionError("not a JSON object: " + text, notAnObject));
    }
  }

  /** Fails the test with the first frame received that broke the contract, if any did. */
  void assertContractKept() {
    if (!broken.isEmpty()) {
      AssertionError first = new AssertionError(broken.get(0).getMessage());
      broken.stream().skip(1).forEach(first::addSuppressed);
      throw first;
    }
  }

  /**
   * Sends a frame that keeps the contract (checked first: a test's typo fails here, not on the
   * server).
   */
  void send(String json) throws Exception {
    contract.check(ChatContract.Direction.CLIENT, json);
    sendText(json);
  }

  /**
   * Sends a frame that breaks the contract on purpose, to see the server refuse it; checks first
   * that the contract refuses it too.
   */
  void sendOutOfContract(String text) throws Exception {
    contract.checkRefused(ChatContract.Direction.CLIENT, text);
    sendText(text);
  }

  /**
   * Tyrus re-arms the session's idle timer after it wrote a frame. When the server answers that
   * frame by closing the socket at once (a refused token, say), the closing can stop this socket's
   * container, and its executor with it, before the timer is re-armed: the write went out, and the
   * close tells what the server made of it, so the test goes on to read it.
   */
  private void sendText(String text) throws Exception {
    try {
      session.getBasicRemote().sendText(text);
    } catch (RejectedExecutionException e) {
      if (closed.completeOnTimeout(null, 5, TimeUnit.SECONDS).get() == null) {
        throw e;
      }
    }
  }

  void say(String conversation, String clientId, String text) throws Exception {
    send(
        Json.createObjectBuilder()
            .add("type", "send")
            .add("v", 1)
            .add("conversation", conversation)
            .add("clientId", clientId)
            .add("text", text)
            .build()
            .toString());
  }

  /** The next frame of this type, skipping others (kept aside in {@link #skipped}). */
  JsonObject await(String type) throws InterruptedException {
    return await(f -> type.equals(f.getString("type")), "a " + type + " frame");
  }

  final List<JsonObject> skipped = new ArrayList<>();

  JsonObject await(Predicate<JsonObject> wanted, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (System.nanoTime() < deadline) {
      JsonObject frame = frames.poll(100, TimeUnit.MILLISECONDS);
      assertContractKept();
      if (frame == null) {
        continue;
      }
      if (wanted.test(frame)) {
        return frame;
      }
      skipped.add(frame);
    }
    throw new AssertionError("no " + what + " within 15 s; got " + skipped);
  }

  /** The next {@code count} message frames, waiting up to 15 s for each. */
  List<JsonObject> nextMessages(int count) throws InterruptedException {
    List<JsonObject> messages = new ArrayList<>();
    while (messages.size() < count) {
      messages.add(await("message"));
    }
    return messages;
  }

  /** The message frames received, within {@code millis} of quiet. */
  List<JsonObject> messages(long quietMillis) throws InterruptedException {
    List<JsonObject> messages = new ArrayList<>();
    skipped.stream().filter(f -> "message".equals(f.getString("type"))).forEach(messages::add);
    skipped.removeIf(f -> "message".equals(f.getString("type")));
    JsonObject frame;
    while ((frame = frames.poll(quietMillis, TimeUnit.MILLISECONDS)) != null) {
      if ("message".equals(frame.getString("type"))) {
        messages.add(frame);
      }
    }
    assertContractKept();
    return messages;
  }

  @Override
  public void close() throws Exception {
    if (session.isOpen()) {
      session.close();
    }
    assertContractKept();
  }
}
