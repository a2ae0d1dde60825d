package app.dating.it;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import redis.clients.jedis.JedisPooled;

/** The platform's Redis, to check what it keeps (URL from the state file of bin/platform). */
final class SharedState {
  private SharedState() {}

  /** The keys matching a Redis glob pattern, e.g. {@code dating:cache:feed:<id>:*}. */
  static Set<String> keys(String pattern) throws Exception {
    Path state = Path.of(System.getProperty("it.platform.home"), "platform.env");
    String url =
        Files.readAllLines(state).stream()
            .filter(line -> line.startsWith("REDIS_URL="))
            .map(line -> line.substring(10))
            .findFirst()
            .filter(u -> !u.isBlank())
            .orElseThrow(() -> new AssertionError("the platform runs without Redis"));
    try (JedisPooled redis = new JedisPooled(URI.create(url))) {
      return redis.keys(pattern);
    }
  }
}
