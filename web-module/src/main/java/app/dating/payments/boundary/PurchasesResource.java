package app.dating.payments.boundary;

import app.dating.api.http.ClientAddress;
import app.dating.api.http.Roles;
import app.dating.api.problem.RequestBodies;
import app.dating.identity.control.SignedIn;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Buying: a Stripe Checkout for a plan or pack, and the Customer Portal to manage what you pay. */
@Tag(name = "payments")
@SecurityRequirement(name = "bearer")
@SecurityRequirementsSet({
  @SecurityRequirement(name = "session"),
  @SecurityRequirement(name = "csrf")
})
@Path("purchases")
@Produces(MediaType.APPLICATION_JSON)
@Roles("USER")
public class PurchasesResource {
  @Inject Premium premium;
  @Inject RequestBodies bodies;
  @Inject ClientAddress clientAddress;
  @Context HttpServletRequest request;
  @Context HttpHeaders headers;
  @Context SecurityContext security;

  @POST
  @Path("checkout")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "startCheckout",
      summary =
          "Start paying for a plan (planId and months: 1, 6 or 12) or a pack (productId): the URL of"
              + " Stripe's Checkout to send the person to. Never a price: it comes from the catalogue")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
  @APIResponseSchema(value = CheckoutView.class, responseDescription = "The Checkout Session")
  public CheckoutView checkout(CheckoutRequest body) {
    return premium.checkout(
        SignedIn.of(security).accountId(),
        bodies.valid(body),
        headers.getAcceptableLanguages(),
        clientAddress.caller(request));
  }

  @POST
  @Path("portal")
  @Operation(
      operationId = "openBillingPortal",
      summary = "A link to Stripe's Customer Portal: cancel, resume, change the card, see invoices")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
  @APIResponseSchema(value = PortalView.class, responseDescription = "The portal's URL")
  public PortalView portal() {
    return premium.portal(SignedIn.of(security).accountId());
  }
}
