package app.dating.media.boundary;

import app.dating.api.http.Roles;
import app.dating.identity.control.SignedIn;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Photo sizes, for whoever may see the owner's profile. A size never changes, so it is cached for a
 * year by the browser (private: the access check must not be skipped by a shared cache).
 */
@Tag(name = "media")
@SecurityRequirement(name = "bearer")
@SecurityRequirementsSet({
  @SecurityRequirement(name = "session"),
  @SecurityRequirement(name = "csrf")
})
@Path("photos/{id}/{size}")
@Roles("USER")
public class PhotosResource {
  private static final int YEAR = 365 * 24 * 3600;

  @Inject Photos photos;
  @Context SecurityContext security;
  @Context Request request;

  @GET
  @Produces("image/jpeg")
  @Operation(
      operationId = "getPhotoSize",
      summary =
          "A photo at the size closest above {size} px on its long side (1080, 640 or 320); JPEG without metadata")
  @APIResponse(
      responseCode = "200",
      description = "The JPEG",
      headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
      content =
          @Content(
              mediaType = "image/jpeg",
              schema = @Schema(type = SchemaType.STRING, format = "binary")))
  @APIResponse(responseCode = "304", description = "Not modified since the ETag you sent")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "429", ref = "TooManyRequests")
  public Response size(@PathParam("id") UUID id, @PathParam("size") int size) {
    Photos.Served served = photos.size(SignedIn.of(security).accountId(), id, size);
    EntityTag tag = new EntityTag(served.etag());
    CacheControl cache = new CacheControl();
    cache.setPrivate(true);
    cache.setMaxAge(YEAR);
    Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
    if (unchanged != null) {
      return unchanged.cacheControl(cache).build();
    }
    return Response.ok(served.jpeg(), "image/jpeg").tag(tag).cacheControl(cache).build();
  }
}
