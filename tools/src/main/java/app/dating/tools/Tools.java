package app.dating.tools;

import java.util.Arrays;

/**
 * Entry point: {@code java -cp 'tools/target/*:tools/target/lib/*' app.dating.tools.Tools COMMAND
 * ...}.
 */
public final class Tools {
  private Tools() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      usage();
      return;
    }
    Options options;
    try {
      options = Options.parse(Arrays.copyOfRange(args, 1, args.length));
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      usage();
      System.exit(2);
      return;
    }
    switch (args[0]) {
      case "db-start" -> LocalDatabase.start(options);
      case "db-roles" -> DatabaseRoles.run(options);
      case "redis-binary" -> LocalRedis.extract(options);
      case "mail-start" -> LocalMail.run(options);
      case "demo-data" -> DemoData.run(options);
      case "grant-admin" -> GrantAdmin.run(options);
      case "password-hash-bench" -> PasswordHashBenchmark.run(options);
      case "photo-pipeline-bench" -> PhotoPipelineBenchmark.run(options);
      case "jwt-keys" -> JwtKeys.generate(options);
      case "chat-load" -> ChatLoadBenchmark.run(options);
      case "ranker-bench" -> RankerBenchmark.run(options);
      default -> {
        usage();
        System.exit(2);
      }
    }
  }

  private static void usage() {
    System.err.println(
        """
        Commands:
          db-start --data DIR --port N [--roles FILE --owner O --app A]
                                              start the embedded PostgreSQL (keeps running; stop: kill -INT <pid in DIR/postmaster.pid>)
                                              and make the platform's two roles in its database (FILE: payara-config/database-roles.sql)
          db-roles --script FILE [--jdbc URL] [--admin-user U] [--owner O] [--app A]
                                              make or correct the two roles in an external database, as a superuser
                                              (defaults from DB_URL, DB_ADMIN_USER, DB_ADMIN_PASSWORD, DB_OWNER_USER, DB_USER;
                                              passwords from DB_OWNER_PASSWORD, DB_PASSWORD)
          redis-binary --dir DIR              extract the Redis server binary shipped in a Maven artifact, print its path
          mail-start [--smtp-port 8025] [--web-port 8026]
                                              a local mail server (GreenMail SMTP) and a page of the mails it got; runs until stopped
          jwt-keys --dir DIR [--rotate true] [--keep 3]
                                              make the access-token signing key and the JWKS (rotate: new key, old ones stay published)
          demo-data --users N [--jdbc URL] [--user U] [--password P] [--seed S] [--batch B]
                    [--profiles true] [--cities all|N|Berlin,Paris] [--photos 0]
                                              add N synthetic users with profiles around European cities
                                              (defaults from DB_URL, DB_USER, DB_PASSWORD)
          grant-admin --email ADDRESS [--jdbc URL] [--user U] [--password P]
                                              make the account of a proven address ADMIN (audited; defaults from DB_URL...)
          ranker-bench [--users 100000] [--swipes-per-user 20] [--max-examples 1000000] [--candidates 200] [--factors 8] [--epochs 5] [--seconds 5] [--runs 3]  the learned ranker offline: training time, model size and memory, pairs scored/s
          password-hash-bench [--memory-kib 19456] [--iterations 2] [--parallelism 1] [--warmup 5] [--runs 30]  time one Argon2id hash, print the logins/s ceiling
          photo-pipeline-bench [--width 4000] [--height 3000] [--quality 0.92] [--warmup 3] [--runs 10]
                                              process a generated 12-megapixel JPEG: ms per photo, photos/s per core, peak heap, bytes saved
          chat-load --http URL --server-pid P --signing-key FILE [--pg-pid P] [--sockets 10000] [--secs 15] [--runs 3]
                    [--warmup 20] [--rates 1000,2500,5000] [--window 256] [--endpoints chat,echo] [--jfr FILE]
                                              load client of benchmarks/chat-ws (sockets held, memory per socket, msg/s, latency)
        """);
  }
}
