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
import javax.sql.DataSource;

/** Whether the parts the platform depends on answer: what readiness reports. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PlatformStatus {
  private static final int TIMEOUT_SECONDS = 2;

  @Resource(lookup = "jdbc/dating")
  DataSource dataSource;

  @Resource(lookup = "java:comp/DefaultJMSConnectionFactory")
  ConnectionFactory connectionFactory;

  @Inject RedisConnection redis;

  /** One dependency's state; {@code detail} says what was checked, or why it failed. */
  public record Check(boolean up, String detail) {
    static Check down(Exception e) {
      return new Check(false, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  public Check database() {
    try (Connection connection = dataSource.getConnection()) {
      boolean valid = connection.isValid(TIMEOUT_SECONDS);
      return new Check(valid, connection.getMetaData().getDatabaseProductName()
          + " " + connection.getMetaData().getDatabaseProductVersion());
    } catch (SQLException e) {
      return Check.down(e);
    }
  }

  public Check broker() {
    try (JMSContext context = connectionFactory.createContext()) {
      return new Check(true, "JMS " + context.getMetaData().getJMSProviderName());
    } catch (RuntimeException | jakarta.jms.JMSException e) {
      return Check.down(e);
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
      return Check.down(e);
    }
  }
}
