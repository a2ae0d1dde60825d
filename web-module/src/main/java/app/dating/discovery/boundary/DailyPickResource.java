package app.dating.discovery.boundary;

import app.dating.api.http.Roles;
import app.dating.identity.control.SignedIn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The daily "most compatible" pick. One instance for the application. */
@Tag(name = "discovery")
@SecurityRequirement(name = "bearer")
@SecurityRequirementsSet({
  @SecurityRequirement(name = "session"),
  @SecurityRequirement(name = "csrf")
})
@ApplicationScoped
@Path("discovery/daily-pick")
@Produces(MediaType.APPLICATION_JSON)
@Roles("USER")
public class DailyPickResource {
  @Inject DailyPicks picks;

  @GET
  @Operation(
      operationId = "getDailyPick",
      summary = "Today's most compatible person for you: one a day, until `expiresAt`",
      description =
          "Made once a day for everyone at once (`DISCOVERY_DAILY_PICK_TIME`, UTC) as a stable"
              + " matching over predicted preferences, so two people are each other's pick where"
              + " possible. Checked again when read: a pick who is no longer shown to you, or whom"
              + " you swiped, is gone (404) until the next day's.")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponseSchema(value = DailyPick.class, responseDescription = "Today's pick")
  public DailyPick today(@Context SecurityContext security) {
    return picks.today(SignedIn.of(security).accountId());
  }
}
