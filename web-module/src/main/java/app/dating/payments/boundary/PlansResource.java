package app.dating.payments.boundary;

import app.dating.api.http.Public;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The plans and packs on sale. Public: the paywall is shown before sign-up too, and a price is the
 * same for everyone paying in a currency. Names follow Accept-Language (en, de; else en); the
 * currency is the {@code currency} parameter, else the country of Accept-Language, else EUR.
 */
@Tag(name = "payments")
@Path("plans")
@Produces(MediaType.APPLICATION_JSON)
public class PlansResource {
  static final int MAX_AGE_SECONDS = 300;

  @Inject Premium premium;
  @Context HttpHeaders headers;

  @GET
  @Operation(
      operationId = "listPlans",
      summary =
          "Plans (with what each grants and its price for 1, 6 and 12 months) and packs, in your"
              + " language and currency; prices in minor units (cents) with their ISO currency")
  @APIResponseSchema(value = CatalogueView.class, responseDescription = "The catalogue")
  @Public
  @SecurityRequirements
  public Response plans(
      @Parameter(
              description = "ISO 4217 currency to show prices in (EUR where a plan has none in it)")
          @QueryParam("currency")
          String currency) {
    return Response.ok(premium.catalogue(currency, headers.getAcceptableLanguages()))
        .header("Cache-Control", "public, max-age=" + MAX_AGE_SECONDS)
        .header("Vary", "Accept-Language")
        .build();
  }
}
