package app.dating.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema to the newest version in {@code db/migration} when the application deploys,
 * before anything else runs. Outside a transaction: Flyway manages its own.
 *
 * <p>Two roles (issue #14): the migrations run as the schema's owner ({@code jdbc/dating-schema},
 * DB_OWNER_USER), the application works as a role that may change rows only ({@code jdbc/dating},
 * DB_USER). After every migration, {@code db/migration/afterMigrate.sql} grants that role its
 * rights on what the owner made; which role that is, the application's own pool says.
 */
@Startup
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchemaMigration {
  private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

  /** The schema's owner: the migrations, nothing else of the application. */
  @Resource(lookup = "jdbc/dating-schema")
  DataSource schema;

  /** The application's pool, asked only who it connects as. */
  @Resource(lookup = "jdbc/dating")
  DataSource application;

  /** A database role as a connection sees itself. */
  record Role(String name, boolean superuser) {
    /** As a quoted SQL identifier's content ({@code "..."}). */
    String quotedName() {
      return name.replace("\"", "\"\"");
    }
  }

  /**
   * Outside a transaction (Payara runs a singleton's {@code @PostConstruct} in one unless the
   * method itself says otherwise): the two pools' connections could not share one.
   */
  @PostConstruct
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void migrate() {
    Role owner = role(schema);
    Role app = role(application);
    boolean separate = !owner.name().equals(app.name());
    if (app.superuser()) {
      LOG.warning(
          () ->
              "The application connects to the database as "
                  + app.name()
                  + ", a superuser: it could change or drop anything. Set DB_USER to a role of"
                  + " its own (payara-config/database-roles.sql).");
    } else if (!separate) {
      LOG.warning(
          () ->
              "The application connects to the database as the schema's owner "
                  + app.name()
                  + ": it could change the schema and the audit log. Set DB_USER and"
                  + " DB_OWNER_USER to two roles (payara-config/database-roles.sql).");
    }
    MigrateResult result =
        Flyway.configure(SchemaMigration.class.getClassLoader())
            .dataSource(schema)
            .locations("classpath:db/migration")
            .placeholders(Map.of("app_role", app.quotedName()))
            // With one role for both, the grants would take the owner's own rights away.
            .skipDefaultCallbacks(!separate)
            .load()
            .migrate();
    LOG.info(
        () ->
            "Schema at version "
                + result.targetSchemaVersion
                + " ("
                + result.migrationsExecuted
                + " migrations applied now, as "
                + owner.name()
                + "; the application works as "
                + app.name()
                + ")");
  }

  static Role role(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet row =
            statement.executeQuery(
                "select current_user, rolsuper from pg_roles where rolname = current_user")) {
      row.next();
      return new Role(row.getString(1), row.getBoolean(2));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot connect to the database", e);
    }
  }
}
