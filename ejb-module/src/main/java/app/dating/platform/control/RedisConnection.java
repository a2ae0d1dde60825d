package app.dating.platform.control;

import app.dating.shared.config.ConfigKeys;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.UnifiedJedis;

/**
 * The pooled Redis client, when {@code redis.url} is set. Without it the platform runs as a single
 * instance and every Redis-backed service falls back to its in-process twin.
 */
@ApplicationScoped
public class RedisConnection {
  private static final Logger LOG = Logger.getLogger(RedisConnection.class.getName());

  private final JedisPooled client;
  private final String description;

  @Inject
  RedisConnection(@ConfigProperty(name = ConfigKeys.REDIS_URL) Optional<String> url) {
    this.client = url.filter(u -> !u.isBlank()).map(u -> new JedisPooled(URI.create(u))).orElse(null);
    this.description = url.map(RedisConnection::withoutPassword).orElse("in-process");
    LOG.info(() -> "Redis: " + description);
  }

  /** For CDI's proxy. */
  protected RedisConnection() {
    this.client = null;
    this.description = null;
  }

  public Optional<UnifiedJedis> client() {
    return Optional.ofNullable(client);
  }

  /** Where shared state lives: the Redis address (without credentials) or "in-process". */
  public String description() {
    return description;
  }

  @PreDestroy
  void close() {
    if (client != null) {
      client.close();
    }
  }

  static String withoutPassword(String url) {
    URI uri = URI.create(url);
    return uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort() + uri.getPath();
  }
}
