package app.dating.media.boundary;

import app.dating.identity.control.SignedIn;
import app.dating.api.http.Roles;
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

/**
 * Photo sizes, for whoever may see the owner's profile. A size never changes, so it is cached for
 * a year by the browser (private: the access check must not be skipped by a shared cache).
 */
@Path("photos/{id}/{size}")
@Roles("USER")
public class PhotosResource {
  private static final int YEAR = 365 * 24 * 3600;

  @Inject Photos photos;
  @Context SecurityContext security;
  @Context Request request;

  @GET
  @Produces("image/jpeg")
  @Operation(summary = "A photo at the size closest above {size} px on its long side (1080, 640 or 320); JPEG without metadata")
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
