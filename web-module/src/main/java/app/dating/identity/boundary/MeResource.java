package app.dating.identity.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The signed-in person's own account. Whose it is comes from the token, never from the request. */
@Path("me")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("USER")
public class MeResource {
  @Inject Accounts accounts;
  @Inject JsonWebToken token;

  @GET
  @Operation(summary = "Your account")
  public AccountView me() {
    return accounts.get(UUID.fromString(token.getSubject()));
  }
}
