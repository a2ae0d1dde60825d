package app.dating.payments.boundary;

import app.dating.api.http.Roles;
import app.dating.identity.control.SignedIn;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What you may do beyond the free plan now (the one answer every feature checks). */
@Tag(name = "payments")
@SecurityRequirement(name = "bearer")
@SecurityRequirementsSet({
  @SecurityRequirement(name = "session"),
  @SecurityRequirement(name = "csrf")
})
@Produces(MediaType.APPLICATION_JSON)
@Roles("USER")
@Path("me/entitlements")
public class MyEntitlementsResource {
  @Inject Entitlements entitlements;
  @Context SecurityContext security;

  @GET
  @Operation(
      operationId = "getMyEntitlements",
      summary =
          "What you may do beyond the free plan now: each entitlement with its count and end, and"
              + " the super-likes and boosts bought")
  @APIResponseSchema(value = EntitlementsView.class, responseDescription = "Your entitlements")
  public EntitlementsView entitlements() {
    return entitlements.view(SignedIn.of(security).accountId());
  }
}
