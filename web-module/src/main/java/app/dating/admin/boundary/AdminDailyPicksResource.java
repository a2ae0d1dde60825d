package app.dating.admin.boundary;

import app.dating.api.http.ClientAddress;
import app.dating.api.http.Roles;
import app.dating.discovery.boundary.DailyPickRun;
import app.dating.discovery.boundary.DailyPicks;
import app.dating.identity.control.SignedIn;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operators run the daily picks by hand (they run once a day on their own). */
@Tag(name = "admin")
@SecurityRequirement(name = "bearer")
@SecurityRequirementsSet({
  @SecurityRequirement(name = "session"),
  @SecurityRequirement(name = "csrf")
})
@Path("admin/daily-picks/runs")
@Produces(MediaType.APPLICATION_JSON)
public class AdminDailyPicksResource {
  @Inject DailyPicks picks;
  @Inject ClientAddress clientAddress;
  @Context HttpServletRequest request;
  @Context SecurityContext security;

  @POST
  @Roles("ADMIN")
  @Operation(
      operationId = "runDailyPicks",
      summary =
          "Make today's picks for everyone now and answer when done (audited); with"
              + " `asScheduled=true` only if no instance made them today, as the daily timer does")
  @APIResponseSchema(value = DailyPickRun.class, responseDescription = "What the run did")
  public DailyPickRun run(@QueryParam("asScheduled") @DefaultValue("false") boolean asScheduled) {
    return picks.run(SignedIn.of(security).accountId(), asScheduled, clientAddress.caller(request));
  }
}
