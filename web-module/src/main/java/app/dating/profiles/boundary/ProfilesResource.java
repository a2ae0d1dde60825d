package app.dating.profiles.boundary;

import app.dating.identity.control.SignedIn;
import app.dating.api.http.Roles;
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

/** Other people's profiles, as they may be seen. */
@Path("profiles")
@Produces(MediaType.APPLICATION_JSON)
@Roles("USER")
public class ProfilesResource {
  @Inject Profiles profiles;
  @Context SecurityContext security;

  @GET
  @Path("{id}")
  @Operation(summary = "A discoverable profile: age (not birth date), distance in whole km (at least 1, between"
      + " ~1 km grid cells), never email, location or private settings; 404 for anything you may not see")
  public PublicProfile get(@PathParam("id") UUID id) {
    return profiles.view(SignedIn.of(security).accountId(), id);
  }
}
