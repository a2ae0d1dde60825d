package app.dating.payments.boundary;

import app.dating.api.http.ClientAddress;
import app.dating.api.http.Public;
import app.dating.payments.boundary.PaymentWebhooks.Receipt;
import app.dating.shared.problem.BusinessException;
import app.dating.shared.problem.ProblemType;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Stripe's webhook endpoint: no session, no token; the {@code Stripe-Signature} header is its only
 * credential, verified over the exact bytes received (so the body is read raw, never re-encoded). A
 * bad signature, an old timestamp or a body that is not an event is a 400 problem and changes
 * nothing; an event applied before is acknowledged again (200, applied false).
 */
@Tag(name = "payments")
@Path("webhooks/stripe")
@Produces(MediaType.APPLICATION_JSON)
public class StripeWebhookResource {
  @Inject PaymentWebhooks webhooks;
  @Inject ClientAddress clientAddress;
  @Context HttpServletRequest request;

  /** The part of a Stripe event this endpoint reads (the rest is Stripe's). */
  @Schema(name = "StripeEvent")
  public record StripeEvent(String id, String type, long created, Object data) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "receiveStripeEvent",
      summary =
          "Stripe's webhook: checkout.session.completed, invoice.paid, invoice.payment_failed,"
              + " customer.subscription.updated/deleted, charge.refunded, charge.dispute.created;"
              + " each event applied once")
  @RequestBody(content = @Content(schema = @Schema(implementation = StripeEvent.class)))
  @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
  @APIResponseSchema(
      value = Receipt.class,
      responseDescription = "Received: applied now, or before (a duplicate), or not used here")
  @Public
  @SecurityRequirement(name = "stripe-signature")
  public Receipt receive(InputStream body, @HeaderParam("Stripe-Signature") String signature) {
    String payload;
    try {
      payload = new String(body.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new BusinessException(ProblemType.MALFORMED_REQUEST, "The body could not be read.");
    }
    return webhooks.stripe(payload, signature, clientAddress.caller(request));
  }
}
