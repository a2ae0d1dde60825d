package app.dating.realtime.boundary;

import app.dating.shared.config.ConfigKeys;
import jakarta.websocket.Endpoint;
import jakarta.websocket.server.ServerApplicationConfig;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Which of the module's endpoints the container deploys: the chat always; the bare echo ({@link
 * EchoEndpoint}: no sign-in, no limit, the ceiling benchmarks/chat-ws measures against) only with
 * diagnostics on ({@code platform.diagnostics}, read at deployment), like the other operator tools.
 */
public class DeployedEndpoints implements ServerApplicationConfig {
  private final boolean diagnostics;

  /** As the container makes it, at deployment. */
  public DeployedEndpoints() {
    this(diagnostics());
  }

  DeployedEndpoints(boolean diagnostics) {
    this.diagnostics = diagnostics;
  }

  private static boolean diagnostics() {
    try {
      return ConfigProvider.getConfig()
          .getOptionalValue(ConfigKeys.DIAGNOSTICS, Boolean.class)
          .orElse(false);
    } catch (RuntimeException e) {
      Logger.getLogger(DeployedEndpoints.class.getName())
          .log(Level.WARNING, "Cannot read " + ConfigKeys.DIAGNOSTICS + "; the echo stays off", e);
      return false;
    }
  }

  @Override
  public Set<ServerEndpointConfig> getEndpointConfigs(Set<Class<? extends Endpoint>> scanned) {
    return Set.of();
  }

  @Override
  public Set<Class<?>> getAnnotatedEndpointClasses(Set<Class<?>> scanned) {
    return scanned.stream()
        .filter(type -> diagnostics || type != EchoEndpoint.class)
        .collect(Collectors.toUnmodifiableSet());
  }
}
