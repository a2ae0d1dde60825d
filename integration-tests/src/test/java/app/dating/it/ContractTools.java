package app.dating.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The pinned Node.js linters of the API contract ({@code integration-tests/contract/package.json}:
 * Redocly CLI, the AsyncAPI CLI), installed with {@code npm ci} the first time a run needs them.
 * Skipped where Node.js is not installed, except in CI ({@code .ci/run} installs it).
 */
final class ContractTools {
  static final Path HOME = Platform.ROOT.resolve("integration-tests/contract");
  private static final Path ANALYTICS = HOME.resolve("asyncapi-analytics.json");

  private ContractTools() {}

  /** What a tool printed and how it ended. */
  record Run(int exitCode, String output) {}

  /** Runs {@code node_modules/.bin/<tool> args…} in the contract folder. */
  static Run run(String tool, String... args) throws IOException, InterruptedException {
    installed();
    List<String> command = new ArrayList<>();
    command.add(HOME.resolve("node_modules/.bin").resolve(tool).toString());
    command.addAll(List.of(args));
    return exec(command, 300);
  }

  private static synchronized void installed() throws IOException, InterruptedException {
    boolean node = exec(List.of("npm", "--version"), 30).exitCode() == 0;
    if (!node && "true".equals(System.getenv("CI"))) {
      throw new AssertionError("Node.js and npm are not installed; .ci/run installs them");
    }
    Assumptions.assumeTrue(node, "Node.js/npm not installed: the contract linters are skipped");
    Path marker = HOME.resolve("node_modules/.package-lock.json");
    Path lock = HOME.resolve("package-lock.json");
    if (Files.exists(marker)
        && Files.getLastModifiedTime(marker).compareTo(Files.getLastModifiedTime(lock)) >= 0) {
      return;
    }
    Run install = exec(List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), 600);
    if (install.exitCode() != 0) {
      throw new AssertionError("npm ci failed in " + HOME + ":\n" + install.output());
    }
  }

  private static Run exec(List<String> command, int timeoutSeconds)
      throws IOException, InterruptedException {
    Path log = Files.createTempFile("contract-tool", ".log");
    try {
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(HOME.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      // The AsyncAPI CLI sends usage metrics unless its settings file says no (or CI=true): tests
      // send nothing anywhere, and leave the user's ~/.asyncapi-analytics alone.
      builder.environment().put("ASYNCAPI_METRICS_CONFIG_PATH", ANALYTICS.toString());
      builder.environment().put("SUPPRESS_NO_CONFIG_WARNING", "true");
      Process process;
      try {
        process = builder.start();
      } catch (IOException notInstalled) {
        return new Run(127, String.valueOf(notInstalled.getMessage()));
      }
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        throw new AssertionError(command + " did not end within " + timeoutSeconds + " s");
      }
      return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(log);
    }
  }
}
