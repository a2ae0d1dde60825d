package app.dating.realtime.control;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the socket module. Payara answers {@code /health/ready} with UP while an
 * application is still loading (no checks registered yet, so none fails); the platform script and
 * balancers wait for this check by name, registered only once this module has loaded.
 */
@Readiness
@ApplicationScoped
public class SocketsReady implements HealthCheck {
  public static final String NAME = "chat-sockets";

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.up(NAME);
  }
}
