package app.dating.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dating.platform.boundary.PlatformStatus.Check;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSRuntimeException;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Readiness tells whether a dependency answers, never why not: an error's text (a user name, a
 * host, a driver's message) goes to the server log only.
 */
class PlatformStatusTest {
  private final List<LogRecord> logged = new ArrayList<>();
  private final Logger log = Logger.getLogger(PlatformStatus.class.getName());
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          logged.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void captureTheLog() {
    log.addHandler(capture);
  }

  @AfterEach
  void release() {
    log.removeHandler(capture);
  }

  private static <T> T failing(Class<T> type, RuntimeException runtime, Exception checked) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> {
              if (checked != null) {
                throw checked;
              }
              throw runtime;
            }));
  }

  private void assertDownWithoutDetails(Check check, String secret) {
    assertFalse(check.up());
    assertFalse(check.detail().contains(secret), check.detail());
    assertFalse(check.detail().contains("Exception"), check.detail());
    assertTrue(
        logged.stream()
            .anyMatch(
                record ->
                    record.getThrown() != null && record.getThrown().getMessage().contains(secret)),
        "the reason is in the server log");
  }

  @Test
  void aDatabaseThatFailsIsDownWithoutTheErrorsText() {
    PlatformStatus status = new PlatformStatus();
    String secret = "password authentication failed for user \"dating_app\"";
    status.dataSource =
        failing(DataSource.class, null, new SQLException("FATAL: " + secret, "28P01"));
    assertDownWithoutDetails(status.database(), secret);
  }

  @Test
  void aBrokerThatFailsIsDownWithoutTheErrorsText() {
    PlatformStatus status = new PlatformStatus();
    String secret = "createConnection on JMSService:jmsdirect failed for username:guest";
    status.connectionFactory =
        failing(ConnectionFactory.class, new JMSRuntimeException(secret), null);
    assertDownWithoutDetails(status.broker(), secret);
  }
}
