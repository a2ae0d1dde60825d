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

/** Your subscriptions and packs. */
@Tag(name = "payments")
@SecurityRequirement(name = "bearer")
@SecurityRequirementsSet({
  @SecurityRequirement(name = "session"),
  @SecurityRequirement(name = "csrf")
})
@Produces(MediaType.APPLICATION_JSON)
@Roles("USER")
@Path("me/subscription")
public class MySubscriptionResource {
  @Inject Premium premium;
  @Context SecurityContext security;

  @GET
  @Operation(
      operationId = "getMySubscription",
      summary =
          "Your subscription now (absent when none gives access), every one you had, and your packs")
  @APIResponseSchema(value = SubscriptionView.class, responseDescription = "Your subscriptions")
  public SubscriptionView subscription() {
    return premium.subscription(SignedIn.of(security).accountId());
  }
}
