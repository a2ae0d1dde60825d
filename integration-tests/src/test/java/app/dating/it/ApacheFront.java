package app.dating.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Assumptions;

/** Debian's apache2 run by apache2/bin/front on its own ports and folder, balancing over {@code backends}. */
record ApacheFront(int http, int https, String backends, Path runDir) {

  /** Starts it (skipping the test where apache2 is not installed, except in CI); trust {@link #tls()}. */
  ApacheFront start() throws Exception {
    boolean installed = Files.isExecutable(Path.of("/usr/sbin/apache2"));
    if (!installed && "true".equals(System.getenv("CI"))) {
      throw new AssertionError("apache2 is not installed; .ci/run installs it");
    }
    Assumptions.assumeTrue(installed, "apache2 not installed (apt-get install apache2)");
    Files.deleteIfExists(runDir.resolve("logs/access.log")); // membersThatServed reads this run's lines only
    run("start");
    return this;
  }

  void stop() throws Exception {
    if (Files.exists(runDir.resolve("apache2.pid"))) {
      run("stop");
    }
  }

  /** TLS trusting the front's self-signed certificate. */
  SSLContext tls() throws Exception {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    try (InputStream in = Files.newInputStream(runDir.resolve("cert.pem"))) {
      store.setCertificateEntry("front", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }

  /**
   * The balancer members named in the access log for the {@code count} requests to {@code path}
   * (Apache logs a WebSocket when its tunnel closes, so this waits for the lines).
   */
  Set<String> membersThatServed(String path, int count) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    List<String> lines;
    do {
      TimeUnit.MILLISECONDS.sleep(100);
      lines = Files.readAllLines(runDir.resolve("logs/access.log")).stream().filter(line -> line.contains("\"GET " + path)).toList();
    } while (lines.size() < count && System.nanoTime() < deadline);
    return lines.stream().map(line -> line.substring(line.lastIndexOf(" \"") + 2, line.length() - 1))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private void run(String command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(Platform.ROOT.resolve("apache2/bin/front").toString(), command).inheritIO();
    builder.environment().putAll(Map.of(
        "APACHE_HTTP_PORT", String.valueOf(http),
        "APACHE_HTTPS_PORT", String.valueOf(https),
        "BACKENDS", backends,
        "APACHE_RUN_DIR", runDir.toString()));
    assertEquals(0, builder.start().waitFor(), "apache2/bin/front " + command);
  }
}
