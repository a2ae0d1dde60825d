package app.dating.platform.boundary;

import app.dating.platform.control.RedisConnection;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** Whether the parts the platform depends on answer: what readiness reports. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PlatformStatus {
  private static final int TIMEOUT_SECONDS = 2;
  private static final Logger LOG = Logger.getLogger(PlatformStatus.class.getName());

  @Resource(lookup = "jdbc/dating")
  DataSource dataSource;

  @Resource(lookup = "java:comp/DefaultJMSConnectionFactory")
  ConnectionFactory connectionFactory;

  @Inject RedisConnection redis;

  /**
   * One dependency's state; {@code detail} says what answered. Why one failed goes to the server
   * log only: readiness answers whoever asks, and an error's text names users, hosts and versions.
   */
  public record Check(boolean up, String detail) {
    static final String NOT_ANSWERING = "not answering (see the server log)";

    static Check down(String dependency, Exception e) {
      LOG.log(Level.WARNING, e, () -> "Readiness: the " + dependency + " is not answering");
      return new Check(false, NOT_ANSWERING);
    }
  }

  public Check database() {
    try (Connection connection = dataSource.getConnection()) {
      if (!connection.isValid(TIMEOUT_SECONDS)) {
        return Check.down("database", new SQLException("connection not valid"));
      }
      return new Check(
          true,
          connection.getMetaData().getDatabaseProductName()
              + " "
              + connection.getMetaData().getDatabaseProductVersion());
    } catch (SQLException e) {
      return Check.down("database", e);
    }
  }

  public Check broker() {
    try (JMSContext context = connectionFactory.createContext()) {
      return new Check(true, "JMS " + context.getMetaData().getJMSProviderName());
    } catch (RuntimeException | jakarta.jms.JMSException e) {
      return Check.down("broker", e);
    }
  }

  /** Redis when configured, otherwise "in-process" (always up). */
  public Check sharedState() {
    Optional<redis.clients.jedis.UnifiedJedis> client = redis.client();
    if (client.isEmpty()) {
      return new Check(true, "in-process (single instance; REDIS_URL not set)");
    }
    try {
      client.get().ping();
      return new Check(true, "redis " + redis.description());
    } catch (RuntimeException e) {
      return Check.down("shared-state store", e);
    }
  }
}
