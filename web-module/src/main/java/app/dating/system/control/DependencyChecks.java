package app.dating.system.control;

import app.dating.platform.boundary.PlatformStatus;
import app.dating.platform.boundary.PlatformStatus.Check;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.function.Supplier;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/** MicroProfile Health: ready when the database, the broker and the shared-state store answer. */
@ApplicationScoped
public class DependencyChecks {
  @Inject PlatformStatus status;

  @Produces
  @Readiness
  HealthCheck database() {
    return check("database", () -> status.database());
  }

  @Produces
  @Readiness
  HealthCheck broker() {
    return check("broker", () -> status.broker());
  }

  @Produces
  @Readiness
  HealthCheck sharedState() {
    return check("shared-state", () -> status.sharedState());
  }

  @Produces
  @Liveness
  HealthCheck alive() {
    return () -> HealthCheckResponse.up("application");
  }

  private static HealthCheck check(String name, Supplier<Check> probe) {
    return () -> {
      Check result = probe.get();
      return HealthCheckResponse.named(name).status(result.up()).withData("detail", result.detail()).build();
    };
  }
}
