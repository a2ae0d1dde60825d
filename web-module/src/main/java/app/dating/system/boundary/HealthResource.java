package app.dating.system.boundary;

import app.dating.api.http.Public;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A cheap "is this instance serving" answer for load balancers. Dependency checks are in
 * MicroProfile Health: {@code /health/ready}.
 */
@Tag(name = "system")
@Path("health")
public class HealthResource {

  @Schema(name = "HealthStatus")
  public record Status(String status) {}

  private static final Status UP = new Status("UP");

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "getHealth",
      summary = "Whether this instance serves requests (no dependency checks)")
  @Public
  @SecurityRequirements
  public Status health() {
    return UP;
  }
}
