package app.dating.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The parts of Stripe's API the platform calls (stripe-java's requests: form-encoded POSTs with a
 * Bearer secret key), served from the test JVM on {@code it.stripe.port}: Checkout Sessions,
 * Billing Portal sessions, cancelling a subscription. It records every request, and signs webhook
 * payloads with Stripe's scheme (written here from Stripe's documentation, not with stripe-java, so
 * the platform's verification is checked against an independent signer).
 */
final class FakeStripe {
  static final int PORT = Integer.getInteger("it.stripe.port", 18091);
  static final String SECRET_KEY = "sk_test_it_payments";
  static final String WEBHOOK_SECRET = "whsec_it_payments";

  /** A request the platform made: method, path, Authorization header, form fields. */
  record Call(String method, String path, String authorization, Map<String, String> form) {}

  private static FakeStripe running;

  final List<Call> calls = new CopyOnWriteArrayList<>();
  private final AtomicInteger ids = new AtomicInteger();

  static synchronized FakeStripe start() throws IOException {
    if (running == null) {
      FakeStripe fake = new FakeStripe();
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 50);
      server.createContext("/", fake::handle);
      server.start();
      running = fake;
    }
    return running;
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String path = exchange.getRequestURI().getPath();
    Map<String, String> form = form(body);
    calls.add(
        new Call(
            exchange.getRequestMethod(),
            path,
            exchange.getRequestHeaders().getFirst("Authorization"),
            form));
    int n = ids.incrementAndGet();
    String json;
    int status = 200;
    if (!("Bearer " + SECRET_KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
      status = 401;
      json =
          "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Invalid API Key provided\"}}";
    } else if (path.equals("/v1/checkout/sessions") && exchange.getRequestMethod().equals("POST")) {
      String id = "cs_test_" + n;
      json =
          "{\"id\":\""
              + id
              + "\",\"object\":\"checkout.session\",\"mode\":\""
              + form.get("mode")
              + "\","
              + "\"client_reference_id\":\""
              + form.get("client_reference_id")
              + "\",\"status\":\"open\","
              + "\"url\":\"https://checkout.stripe.test/c/pay/"
              + id
              + "\"}";
    } else if (path.equals("/v1/billing_portal/sessions")
        && exchange.getRequestMethod().equals("POST")) {
      String id = "bps_" + n;
      json =
          "{\"id\":\""
              + id
              + "\",\"object\":\"billing_portal.session\",\"customer\":\""
              + form.get("customer")
              + "\","
              + "\"url\":\"https://billing.stripe.test/p/session/"
              + id
              + "\"}";
    } else if (path.startsWith("/v1/subscriptions/")
        && exchange.getRequestMethod().equals("DELETE")) {
      json =
          "{\"id\":\""
              + path.substring(18)
              + "\",\"object\":\"subscription\",\"status\":\"canceled\"}";
    } else {
      status = 404;
      json =
          "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Unrecognized request URL\"}}";
    }
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.getResponseHeaders().add("Request-Id", "req_" + n);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  /** The calls to a path, in order. */
  List<Call> calls(String path) {
    return calls.stream().filter(c -> c.path().equals(path)).toList();
  }

  /**
   * Stripe's signature header for a payload at {@code timestamp} (seconds): t=…,v1=HMAC-SHA256 hex.
   */
  static String sign(String payload, long timestamp, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder();
      for (byte b : digest) {
        hex.append(String.format("%02x", b));
      }
      return "t=" + timestamp + ",v1=" + hex;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> form(String body) {
    Map<String, String> form = new LinkedHashMap<>();
    if (body.isEmpty()) {
      return form;
    }
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      form.put(key, value);
    }
    return form;
  }
}
