package app.dating.bench;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PersistenceUnit;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.SessionFactory;
import org.hibernate.Version;

/**
 * Makes the ceiling's table when the WAR deploys: the production schema (Flyway, in the EAR) has
 * had no {@code bench_row} since V19. Also refuses to deploy when the persistence unit does not run
 * on Hibernate ORM: a ceiling on another JPA provider (the server's EclipseLink) would not be the
 * platform's. Outside a transaction, each statement commits on its own.
 */
@Startup
@Singleton
@Lock(LockType.READ)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BenchTable {
  /** The platform's switch for its diagnostics (environment: {@code PLATFORM_DIAGNOSTICS}). */
  static final String DIAGNOSTICS = "platform.diagnostics";

  static final String CREATE =
      "create table if not exists bench_row (id uuid primary key, at timestamptz not null)";

  private static final Logger LOG = Logger.getLogger(BenchTable.class.getName());

  /** The schema's owner (issue #14): the application's own role may not create tables. */
  @Resource(lookup = "jdbc/dating-schema")
  DataSource dataSource;

  @PersistenceUnit EntityManagerFactory entityManagerFactory;

  @Inject
  @ConfigProperty(name = DIAGNOSTICS, defaultValue = "false")
  boolean enabled;

  private String detail;

  @PostConstruct
  void create() {
    String provider = provider(entityManagerFactory);
    if (!enabled) {
      detail =
          "off (" + DIAGNOSTICS + " is not true): no table, POST /bench/bare-insert answers 404";
      LOG.warning(() -> "Benchmark ceiling deployed without diagnostics: " + detail);
      return;
    }
    try (Connection connection = dataSource.getConnection()) {
      createTable(connection);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create bench_row", e);
    }
    detail = "bench_row through " + provider;
    LOG.info(() -> "Benchmark ceiling ready: POST /bench/bare-insert, " + detail);
  }

  /** What readiness reports. */
  public String detail() {
    return detail;
  }

  /**
   * Two instances deploying at once (PLATFORM_JOIN shares the database) can both try to create the
   * table; PostgreSQL then refuses the second, and the table is there.
   */
  private static void createTable(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(CREATE);
    } catch (SQLException e) {
      if (!exists(connection)) {
        throw e;
      }
    }
  }

  private static boolean exists(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("select to_regclass('bench_row') is not null")) {
      return row.next() && row.getBoolean(1);
    }
  }

  /** "Hibernate ORM <version>", or the deployment fails. */
  static String provider(EntityManagerFactory factory) {
    try {
      factory.unwrap(SessionFactory.class);
    } catch (PersistenceException e) {
      throw new IllegalStateException(
          "The persistence unit 'bench' runs on "
              + factory.getClass().getName()
              + ", not Hibernate ORM: the ceiling would not measure the platform's stack",
          e);
    }
    return "Hibernate ORM " + Version.getVersionString();
  }
}
