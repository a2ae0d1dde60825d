package app.dating.admin.boundary;

import app.dating.api.http.ClientAddress;
import app.dating.api.http.Roles;
import app.dating.discovery.boundary.DailyPickRun;
import app.dating.discovery.boundary.DailyPicks;
import app.dating.identity.control.SignedIn;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operators run the daily picks by hand (they run once a day on their own) and follow a run. */
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
          "Start making today's picks for everyone (audited); follow the run at its Location. With"
              + " `asScheduled=true` only if no instance made them today, as the daily timer does"
              + " (409 otherwise)")
  @APIResponse(
      responseCode = "202",
      description = "The run, RUNNING",
      headers =
          @Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri")),
      content = @Content(schema = @Schema(implementation = DailyPickRun.class)))
  @APIResponse(responseCode = "409", ref = "Conflict")
  public Response start(
      @QueryParam("asScheduled") @DefaultValue("false") boolean asScheduled, @Context UriInfo uri) {
    DailyPickRun run =
        picks.start(SignedIn.of(security).accountId(), asScheduled, clientAddress.caller(request));
    return Response.accepted(run)
        .location(uri.getAbsolutePathBuilder().path(run.id().toString()).build())
        .build();
  }

  @GET
  @Path("{id}")
  @Roles("ADMIN")
  @Operation(
      operationId = "getDailyPickRun",
      summary = "A run of the daily picks: where it is, what it did")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponseSchema(value = DailyPickRun.class, responseDescription = "The run")
  public DailyPickRun get(@PathParam("id") UUID id) {
    return picks.run(SignedIn.of(security).accountId(), id);
  }
}
