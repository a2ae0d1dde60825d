package app.dating.profiles.boundary;

import app.dating.api.http.Roles;
import app.dating.api.problem.RequestBodies;
import app.dating.identity.control.SignedIn;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The signed-in person's own profile. Its own path: {@code me} belongs to the account resource. */
@Tag(name = "profiles")
@SecurityRequirement(name = "bearer")
@SecurityRequirementsSet({
  @SecurityRequirement(name = "session"),
  @SecurityRequirement(name = "csrf")
})
@Path("me/profile")
@Produces(MediaType.APPLICATION_JSON)
@Roles("USER")
public class OwnProfileResource {
  @Inject Profiles profiles;
  @Inject RequestBodies bodies;
  @Context SecurityContext security;

  @GET
  @Operation(
      operationId = "getMyProfile",
      summary = "Your profile (created empty and hidden the first time)")
  public ProfileView get() {
    return profiles.mine(SignedIn.of(security).accountId());
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "updateMyProfile",
      summary =
          "Replace your profile: every editable field at once; omitted optional fields are cleared."
              + " Text is plain text (never rendered as HTML)")
  public ProfileView update(ProfileUpdate body) {
    return profiles.update(SignedIn.of(security).accountId(), bodies.valid(body));
  }
}
