package app.dating.system.boundary;

import app.dating.api.http.ClientAddress;
import app.dating.api.http.Roles;
import app.dating.api.problem.RequestBodies;
import app.dating.jobs.boundary.JobView;
import app.dating.jobs.boundary.Jobs;
import app.dating.jobs.entity.JobType;
import app.dating.shared.config.ConfigKeys;
import app.dating.shared.json.JsonP;
import app.dating.shared.logging.RequestContext;
import app.dating.shared.problem.BusinessException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
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

/**
 * Operator diagnostics, off unless {@code platform.diagnostics=true}, and for admins only even then
 * (Apache does not pass them at all): what the server sees of a request, and a job that runs
 * through the queue (or fails on purpose, to check retries and the dead-letter queue). The
 * benchmark ceiling is not here: it is a WAR of its own (benchmarks/ceiling), deployed only with
 * diagnostics on. One instance for the application, like the other hot resources (request data come
 * in as parameters).
 */
@Tag(name = "system")
@SecurityRequirement(name = "bearer")
@SecurityRequirementsSet({
  @SecurityRequirement(name = "session"),
  @SecurityRequirement(name = "csrf")
})
@Roles("ADMIN")
@ApplicationScoped
@Path("system")
@Produces(MediaType.APPLICATION_JSON)
public class DiagnosticsResource {
  @Inject Jobs jobs;
  @Inject ClientAddress clientAddress;
  @Inject RequestBodies bodies;

  @Inject
  @ConfigProperty(name = ConfigKeys.DIAGNOSTICS, defaultValue = "false")
  boolean enabled;

  public record ClientView(
      String clientAddress, String scheme, boolean secure, String baseUri, String requestId) {}

  /** Body of a diagnostic job: what it logs, and whether it should fail (to see retries). */
  public record DiagnosticJob(@NotNull @Size(max = 200) String message, Boolean fail) {}

  @GET
  @Path("client")
  @Operation(
      operationId = "getClientView",
      summary = "What the server sees of this request (client address, scheme, base URI)")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponseSchema(value = ClientView.class, responseDescription = "What the server sees")
  public ClientView client(@Context HttpServletRequest request, @Context UriInfo uri) {
    requireEnabled();
    return new ClientView(
        clientAddress.of(request),
        request.getScheme(),
        request.isSecure(),
        uri.getBaseUri().toString(),
        RequestContext.current().orElse(null));
  }

  @POST
  @Path("jobs")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(operationId = "submitDiagnosticJob", summary = "Queue a diagnostic job")
  @APIResponse(
      responseCode = "202",
      description = "Queued",
      headers =
          @Header(
              name = "Location",
              description = "The new resource",
              schema = @Schema(type = SchemaType.STRING, format = "uri")),
      content = @Content(schema = @Schema(implementation = JobView.class)))
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response submit(DiagnosticJob body, @Context UriInfo uri) {
    requireEnabled();
    DiagnosticJob job = bodies.valid(body);
    String payload =
        JsonP.object()
            .add("message", job.message())
            .add("fail", Boolean.TRUE.equals(job.fail()))
            .build()
            .toString();
    JobView queued = jobs.submit(JobType.DIAGNOSTIC, payload);
    return Response.accepted(queued)
        .location(
            uri.getBaseUriBuilder()
                .path(DiagnosticsResource.class)
                .path("jobs")
                .path(queued.id().toString())
                .build())
        .build();
  }

  @GET
  @Path("jobs/{id}")
  @Operation(operationId = "getDiagnosticJob", summary = "A job's status, attempts and last error")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponseSchema(value = JobView.class, responseDescription = "The job")
  public JobView job(@PathParam("id") UUID id) {
    requireEnabled();
    return jobs.find(id).orElseThrow(() -> BusinessException.notFound("Job " + id));
  }

  private void requireEnabled() {
    if (!enabled) {
      throw BusinessException.notFound("This resource");
    }
  }
}
