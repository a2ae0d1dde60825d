package app.dating.realtime.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.websocket.server.ServerApplicationConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Which endpoints the module deploys: the chat always, the bare echo (a benchmark's ceiling and a
 * proxy check, open to anyone) only with diagnostics on.
 */
class DeployedEndpointsTest {

  @Test
  void theEchoIsDeployedOnlyWithDiagnosticsOn() throws Exception {
    List<Class<?>> choosers = serverApplicationConfigs();
    assertEquals(
        1, choosers.size(), "one ServerApplicationConfig chooses the endpoints: " + choosers);
    Set<Class<?>> scanned = Set.of(ChatEndpoint.class, EchoEndpoint.class);

    ServerApplicationConfig off =
        (ServerApplicationConfig)
            choosers.get(0).getDeclaredConstructor(boolean.class).newInstance(false);
    assertEquals(Set.of(ChatEndpoint.class), off.getAnnotatedEndpointClasses(scanned));
    assertEquals(Set.of(), off.getEndpointConfigs(Set.of()));

    ServerApplicationConfig on =
        (ServerApplicationConfig)
            choosers.get(0).getDeclaredConstructor(boolean.class).newInstance(true);
    assertEquals(scanned, on.getAnnotatedEndpointClasses(scanned));
  }

  /** The module's classes that implement ServerApplicationConfig (as the container finds them). */
  private static List<Class<?>> serverApplicationConfigs() throws Exception {
    Path classes =
        Path.of(ChatEndpoint.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    try (Stream<Path> files = Files.walk(classes)) {
      return files
          .filter(f -> f.toString().endsWith(".class"))
          .map(f -> classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", ""))
          .map(DeployedEndpointsTest::load)
          .filter(ServerApplicationConfig.class::isAssignableFrom)
          .toList();
    }
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, DeployedEndpointsTest.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
