package app.dating.bench;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the ceiling, in the server's {@code /health/ready}: registered once the WAR has
 * loaded, so bin/platform waits for it by name (as for the platform's {@code chat-sockets}); its
 * detail names the JPA provider and version the ceiling runs on.
 */
@Readiness
@ApplicationScoped
public class CeilingReady implements HealthCheck {
  public static final String NAME = "bench-ceiling";

  @Inject BenchTable table;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named(NAME).up().withData("detail", table.detail()).build();
  }
}
