package app.dating.profiles.boundary;

import app.dating.api.http.Roles;
import app.dating.api.problem.RequestBodies;
import app.dating.identity.control.SignedIn;
import jakarta.inject.Inject;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Where the signed-in person is. Only a ~1 km grid cell is kept; nothing is sent back. */
@Tag(name = "profiles")
@SecurityRequirement(name = "bearer")
@SecurityRequirementsSet({
  @SecurityRequirement(name = "session"),
  @SecurityRequirement(name = "csrf")
})
@Path("me/location")
@Roles("USER")
public class OwnLocationResource {
  @Inject Profiles profiles;
  @Inject RequestBodies bodies;
  @Context SecurityContext security;

  /** Body of a location update, in WGS 84 degrees. */
  public record Location(
      @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
      @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude) {}

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "updateMyLocation",
      summary =
          "Share your position: it is snapped to a grid cell of about 1 km and only the cell is kept")
  @APIResponse(responseCode = "204", description = "The grid cell is stored")
  @APIResponse(responseCode = "429", ref = "TooManyRequests")
  public Response update(Location body) {
    Location location = bodies.valid(body);
    profiles.updateLocation(
        SignedIn.of(security).accountId(), location.latitude(), location.longitude());
    return Response.noContent().build();
  }
}
