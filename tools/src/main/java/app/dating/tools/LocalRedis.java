package app.dating.tools;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes out the real Redis server binary that {@code com.github.codemonstur:embedded-redis} ships,
 * for machines without Debian's redis-server. The caller runs it (daemonized, with a PID file).
 */
final class LocalRedis {
  private static final String BINARY = "redis-server-6.2.6-v5-linux-amd64";

  private LocalRedis() {}

  static void extract(Options options) throws Exception {
    Path dir = Path.of(options.require("dir"));
    Files.createDirectories(dir);
    Path target = dir.resolve("redis-server");
    if (!Files.isExecutable(target)) {
      try (InputStream in = LocalRedis.class.getResourceAsStream("/" + BINARY)) {
        if (in == null) {
          throw new IllegalStateException(BINARY + " not found in the embedded-redis artifact");
        }
        Path partial = dir.resolve("redis-server.partial");
        Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
    }
    System.out.println(target.toAbsolutePath());
  }
}
