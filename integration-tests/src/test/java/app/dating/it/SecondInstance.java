package app.dating.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A second server instance on this machine, started by {@code platform start} with PLATFORM_JOIN:
 * it shares the first instance's database, Redis, token keys and photo folder. Its chat master keys
 * are the first one's, one rotation step ahead: it wraps new keys with it2 and rewraps it1's.
 */
final class SecondInstance {
  static final int PORT_BASE = Integer.getInteger("it.second.portbase", 19000);
  static final int HTTP_PORT = PORT_BASE + 80;
  static final Path HOME =
      Path.of(System.getProperty("it.platform.home")).resolveSibling("platform-b");

  private SecondInstance() {}

  static void start() throws Exception {
    platform(HOME, "start", Map.of());
  }

  static void stop() throws Exception {
    platform(HOME, "stop", Map.of());
  }

  /** Another second instance, in its own {@code home}, with more of the platform's variables. */
  static void start(Path home, Map<String, String> environment) throws Exception {
    platform(home, "start", environment);
  }

  static void stop(Path home) throws Exception {
    platform(home, "stop", Map.of());
  }

  /** Kills the server's JVM at once (SIGKILL), as a crash or a pulled plug would. */
  static void kill() throws Exception {
    long pid =
        Long.parseLong(
            Files.readString(HOME.resolve("payara6/glassfish/domains/dating/config/pid")).trim());
    ProcessHandle server =
        ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no server process " + pid));
    server.destroyForcibly();
    server.onExit().get(30, TimeUnit.SECONDS);
  }

  static String origin() {
    return "http://localhost:" + HTTP_PORT;
  }

  private static void platform(Path home, String command, Map<String, String> environment)
      throws Exception {
    Files.createDirectories(home);
    Path log = home.resolveSibling(home.getFileName() + ".log");
    ProcessBuilder builder =
        new ProcessBuilder(Platform.ROOT.resolve("payara-config/bin/platform").toString(), command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().put("PLATFORM_HOME", home.toString());
    builder.environment().put("PLATFORM_JOIN", System.getProperty("it.platform.home"));
    builder.environment().put("PAYARA_PORT_BASE", String.valueOf(PORT_BASE));
    builder.environment().put("PAYARA_HEAP", "512m");
    builder.environment().put("CHAT_AUTH_TIMEOUT_SECONDS", "2");
    // The next step of a master-key rotation: this instance wraps with it2 and rewraps it1's keys.
    builder.environment().put("CHAT_MASTER_KEYS", System.getProperty("it.chat.master-keys"));
    builder.environment().put("CHAT_MASTER_KEY_ID", "it2");
    builder.environment().put("CHAT_REWRAP_INTERVAL", "PT2S");
    builder.environment().putAll(environment);
    Process process = builder.start();
    if (!process.waitFor(6, TimeUnit.MINUTES)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor();
      if (command.equals("start")) {
        // The server it launched runs on without it (and holds the ports the next test needs).
        platform(home, "stop", Map.of());
      }
      throw new AssertionError(
          "platform " + command + " for the second instance took over 6 minutes:\n" + tail(log));
    }
    assertEquals(
        0,
        process.exitValue(),
        () -> "platform " + command + " for the second instance failed:\n" + tail(log));
  }

  private static String tail(Path log) {
    try {
      var lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return e.toString();
    }
  }
}
