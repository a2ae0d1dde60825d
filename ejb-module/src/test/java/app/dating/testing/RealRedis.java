package app.dating.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import redis.clients.jedis.JedisPooled;
import redis.embedded.RedisServer;

/**
 * A real Redis for tests: the one at {@code REDIS_URL} when set (CI), otherwise the Redis binary
 * shipped by the embedded-redis artifact, started on a free port for this JVM.
 */
public final class RealRedis {
  private static String url;
  private static RedisServer server;

  private RealRedis() {}

  public static synchronized JedisPooled client() {
    if (url == null) {
      String configured = System.getenv("REDIS_URL");
      url = configured != null && !configured.isBlank() ? configured : startEmbedded();
    }
    return new JedisPooled(URI.create(url));
  }

  private static String startEmbedded() {
    try (ServerSocket probe = new ServerSocket(0)) {
      int port = probe.getLocalPort();
      probe.close();
      server = RedisServer.newRedisServer().port(port).bind("127.0.0.1").setting("save \"\"").build();
      server.start();
      Runtime.getRuntime().addShutdownHook(new Thread(RealRedis::stop));
      return "redis://127.0.0.1:" + port;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void stop() {
    try {
      server.stop();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
