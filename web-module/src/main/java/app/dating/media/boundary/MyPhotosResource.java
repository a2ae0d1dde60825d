package app.dating.media.boundary;

import app.dating.api.http.Roles;
import app.dating.api.http.Uploads;
import app.dating.api.problem.RequestBodies;
import app.dating.identity.control.SignedIn;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The signed-in person's photos: upload (multipart, field {@code file}), list, reorder, delete. */
@Tag(name = "media")
@SecurityRequirement(name = "bearer")
@SecurityRequirementsSet({
  @SecurityRequirement(name = "session"),
  @SecurityRequirement(name = "csrf")
})
@Path("me/photos")
@Produces(MediaType.APPLICATION_JSON)
@Roles("USER")
public class MyPhotosResource {
  @Inject Photos photos;
  @Inject RequestBodies bodies;
  @Context SecurityContext security;
  @Context UriInfo uri;

  @GET
  @Operation(
      operationId = "listMyPhotos",
      summary = "Your photos in order (the first is the primary), with their processing status")
  public List<PhotoView> list() {
    return photos.mine(me());
  }

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Operation(
      operationId = "uploadPhoto",
      summary =
          "Upload a photo (JPEG, PNG or WebP, at most 15 MiB and 40 megapixels; 9 photos at most): processed in the background")
  @APIResponse(
      responseCode = "202",
      description = "Stored; being processed (PENDING)",
      headers =
          @Header(
              name = "Location",
              description = "The new resource",
              schema = @Schema(type = SchemaType.STRING, format = "uri")),
      content = @Content(schema = @Schema(implementation = PhotoView.class)))
  @APIResponse(
      responseCode = "200",
      description = "These bytes were uploaded before: that photo",
      headers =
          @Header(
              name = "Location",
              description = "The new resource",
              schema = @Schema(type = SchemaType.STRING, format = "uri")),
      content = @Content(schema = @Schema(implementation = PhotoView.class)))
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "429", ref = "TooManyRequests")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.MULTIPART_FORM_DATA,
              schema = @Schema(implementation = Uploads.Form.class)))
  public Response upload(@FormParam(Uploads.FIELD) EntityPart file) {
    PhotoView photo = photos.upload(me(), Uploads.bytes(file));
    return Response.status(
            photo.status().equals("PENDING") ? Response.Status.ACCEPTED : Response.Status.OK)
        .location(
            uri.getBaseUriBuilder()
                .path(MyPhotosResource.class)
                .path(photo.id().toString())
                .build())
        .entity(photo)
        .build();
  }

  @GET
  @Path("{id}")
  @Operation(
      operationId = "getMyPhoto",
      summary = "One of your photos: its status (PENDING, READY, REJECTED with the reason)")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponseSchema(
      value = PhotoView.class,
      responseDescription = "The photo and its processing status")
  public PhotoView get(@PathParam("id") UUID id) {
    return photos.get(me(), id);
  }

  /** Body of a reorder: every kept photo's id once, the primary first. */
  @Schema(name = "PhotoOrder")
  public record Order(@NotNull @Size(max = 9) List<UUID> order) {}

  @PUT
  @Path("order")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "reorderPhotos",
      summary = "Put your photos in this order; the first becomes the primary")
  public List<PhotoView> reorder(Order body) {
    return photos.reorder(me(), bodies.valid(body).order());
  }

  @DELETE
  @Path("{id}")
  @Operation(operationId = "deletePhoto", summary = "Delete one of your photos")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response delete(@PathParam("id") UUID id) {
    photos.delete(me(), id);
    return Response.noContent().build();
  }

  private UUID me() {
    return SignedIn.of(security).accountId();
  }
}
