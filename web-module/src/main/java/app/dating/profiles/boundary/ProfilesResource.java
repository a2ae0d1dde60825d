package app.dating.profiles.boundary;

import app.dating.api.http.Roles;
import app.dating.identity.control.SignedIn;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Other people's profiles, as they may be seen. */
@Tag(name = "profiles")
@SecurityRequirement(name = "bearer")
@SecurityRequirementsSet({
  @SecurityRequirement(name = "session"),
  @SecurityRequirement(name = "csrf")
})
@Path("profiles")
@Produces(MediaType.APPLICATION_JSON)
@Roles("USER")
public class ProfilesResource {
  @Inject Profiles profiles;
  @Context SecurityContext security;

  @GET
  @Path("{id}")
  @Operation(
      operationId = "getProfile",
      summary =
          "A discoverable profile: age (not birth date), distance in whole km (at least 1, between"
              + " ~1 km grid cells), never email, location or private settings; 404 for anything you may not see")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "429", ref = "TooManyRequests")
  @APIResponseSchema(
      value = PublicProfile.class,
      responseDescription = "The profile as you may see it")
  public PublicProfile get(@PathParam("id") UUID id) {
    return profiles.view(SignedIn.of(security).accountId(), id);
  }
}
