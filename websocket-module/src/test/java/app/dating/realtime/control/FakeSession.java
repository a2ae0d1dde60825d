package app.dating.realtime.control;

import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.Session;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A socket without a server: what was sent, pinged and why it closed. Only what {@link Connection}
 * uses answers; anything else fails the test loudly.
 */
final class FakeSession {
  final List<String> sent = new CopyOnWriteArrayList<>();
  final List<CloseReason> closes = new CopyOnWriteArrayList<>();
  final Map<String, Object> userProperties = new HashMap<>();
  volatile int pings;
  volatile boolean open = true;

  final RemoteEndpoint.Basic remote =
      proxy(
          RemoteEndpoint.Basic.class,
          (method, args) ->
              switch (method) {
                case "sendText" -> {
                  sent.add((String) args[0]);
                  yield null;
                }
                case "sendPing" -> {
                  pings++;
                  yield null;
                }
                default -> throw new UnsupportedOperationException(method);
              });

  final Session session =
      proxy(
          Session.class,
          (method, args) ->
              switch (method) {
                case "isOpen" -> open;
                case "getBasicRemote" -> remote;
                case "getUserProperties" -> userProperties;
                case "close" -> {
                  closes.add(args == null ? null : (CloseReason) args[0]);
                  open = false;
                  yield null;
                }
                default -> throw new UnsupportedOperationException(method);
              });

  /** The close code of the one close, if any. */
  int closeCode() {
    if (closes.size() != 1) {
      throw new AssertionError("closed " + closes.size() + " times: " + closes);
    }
    return closes.get(0).getCloseCode().getCode();
  }

  interface Answer {
    Object answer(String method, Object[] args) throws Exception;
  }

  private static <T> T proxy(Class<T> type, Answer answer) {
    return type.cast(
        Proxy.newProxyInstance(
            FakeSession.class.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "hashCode" -> System.identityHashCode(proxy);
                  case "equals" -> proxy == args[0];
                  case "toString" -> type.getSimpleName() + " (fake)";
                  default -> answer.answer(method.getName(), args);
                }));
  }
}
