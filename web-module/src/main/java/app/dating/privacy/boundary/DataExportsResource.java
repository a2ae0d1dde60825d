package app.dating.privacy.boundary;

import app.dating.api.http.ClientAddress;
import app.dating.api.http.Roles;
import app.dating.identity.control.SignedIn;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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

/**
 * Your data, all of it (GDPR Art. 15 and 20): ask for an export, see when it is ready (a mail says
 * so too), download the ZIP once. Rooted at {@code me/exports}, longer than {@code me} (see
 * KeysResource).
 */
@Tag(name = "identity")
@SecurityRequirement(name = "bearer")
@SecurityRequirementsSet({
  @SecurityRequirement(name = "session"),
  @SecurityRequirement(name = "csrf")
})
@Path("me/exports")
@Produces(MediaType.APPLICATION_JSON)
@Roles("USER")
public class DataExportsResource {
  @Inject DataExports exports;
  @Inject ClientAddress clientAddress;
  @Context HttpServletRequest request;
  @Context SecurityContext security;
  @Context UriInfo uri;

  @POST
  @Operation(
      operationId = "requestDataExport",
      summary =
          "Ask for a copy of everything kept about you: built in the background, mailed when ready"
              + " (the one being built or waiting is answered again; 3 a day)")
  @APIResponse(
      responseCode = "202",
      description = "The export, PENDING (or the one already on its way)",
      headers =
          @Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri")),
      content = @Content(schema = @Schema(implementation = DataExportView.class)))
  @APIResponse(responseCode = "429", ref = "TooManyRequests")
  public Response request() {
    DataExportView export = exports.request(me(), clientAddress.caller(request));
    return Response.accepted(export)
        .location(
            uri.getBaseUriBuilder()
                .path(DataExportsResource.class)
                .path(export.id().toString())
                .build())
        .build();
  }

  @GET
  @Path("{id}")
  @Operation(
      operationId = "getDataExport",
      summary = "Where one of your exports is: PENDING, READY, DOWNLOADED or EXPIRED")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponseSchema(value = DataExportView.class, responseDescription = "The export")
  public DataExportView get(@PathParam("id") UUID id) {
    return exports.get(me(), id);
  }

  @GET
  @Path("{id}/archive")
  @Produces("application/zip")
  @Operation(
      operationId = "downloadDataExport",
      summary =
          "Download a READY export, once: export.json, your photos and a README in a ZIP; the archive"
              + " is gone afterwards")
  @APIResponse(
      responseCode = "200",
      description = "The ZIP",
      content =
          @Content(
              mediaType = "application/zip",
              schema = @Schema(type = SchemaType.STRING, format = "binary")))
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  public Response download(@PathParam("id") UUID id) {
    byte[] zip = exports.download(me(), id, clientAddress.caller(request));
    return Response.ok(zip, "application/zip")
        .header("Content-Disposition", "attachment; filename=\"dating-data-" + id + ".zip\"")
        .header("Cache-Control", "no-store")
        .build();
  }

  private UUID me() {
    return SignedIn.of(security).accountId();
  }
}
