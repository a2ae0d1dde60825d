package app.dating.media.boundary;

import app.dating.api.problem.RequestBodies;
import app.dating.identity.control.SignedIn;
import app.dating.api.http.Roles;
import app.dating.api.http.Uploads;
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

/** The signed-in person's photos: upload (multipart, field {@code file}), list, reorder, delete. */
@Path("me/photos")
@Produces(MediaType.APPLICATION_JSON)
@Roles("USER")
public class MyPhotosResource {
  @Inject Photos photos;
  @Inject RequestBodies bodies;
  @Context SecurityContext security;
  @Context UriInfo uri;

  @GET
  @Operation(summary = "Your photos in order (the first is the primary), with their processing status")
  public List<PhotoView> list() {
    return photos.mine(me());
  }

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Operation(summary = "Upload a photo (JPEG, PNG or WebP, at most 15 MiB and 40 megapixels; 9 photos at most): processed in the background")
  public Response upload(@FormParam(Uploads.FIELD) EntityPart file) {
    PhotoView photo = photos.upload(me(), Uploads.bytes(file));
    return Response.status(photo.status().equals("PENDING") ? Response.Status.ACCEPTED : Response.Status.OK)
        .location(uri.getBaseUriBuilder().path(MyPhotosResource.class).path(photo.id().toString()).build())
        .entity(photo)
        .build();
  }

  @GET
  @Path("{id}")
  @Operation(summary = "One of your photos: its status (PENDING, READY, REJECTED with the reason)")
  public PhotoView get(@PathParam("id") UUID id) {
    return photos.get(me(), id);
  }

  /** Body of a reorder: every kept photo's id once, the primary first. */
  public record Order(@NotNull @Size(max = 9) List<UUID> order) {
    public Order(List<UUID> order) {
      this.order = order;
    }
  }

  @PUT
  @Path("order")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Put your photos in this order; the first becomes the primary")
  public List<PhotoView> reorder(Order body) {
    return photos.reorder(me(), bodies.valid(body).order());
  }

  @DELETE
  @Path("{id}")
  @Operation(summary = "Delete one of your photos")
  public Response delete(@PathParam("id") UUID id) {
    photos.delete(me(), id);
    return Response.noContent().build();
  }

  private UUID me() {
    return SignedIn.of(security).accountId();
  }
}
