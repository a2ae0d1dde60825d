package app.dating.chat.boundary;

import app.dating.api.http.Roles;
import app.dating.api.problem.RequestBodies;
import app.dating.identity.control.SignedIn;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * End-to-end encryption keys: your own bundle under {@code /me/keys}, a match's under {@code
 * /keys/{accountId}}. Public keys only, standard base64.
 *
 * <p>Two root resources: a class at {@code ""} could not serve {@code /me/keys}, because JAX-RS
 * picks one root class per request (the one with the longest literal path) and {@code /me} of
 * {@code MeResource} would win. So this class is rooted at {@code me/keys} (longer than {@code me},
 * as {@code me/location} and {@code me/photos} are) and {@link Peers} at {@code keys}.
 */
@Tag(name = "chat")
@SecurityRequirement(name = "bearer")
@SecurityRequirementsSet({
  @SecurityRequirement(name = "session"),
  @SecurityRequirement(name = "csrf")
})
@Path("me/keys")
@Produces(MediaType.APPLICATION_JSON)
@Roles("USER")
public class KeysResource {
  @Inject KeyDirectory keys;
  @Inject RequestBodies bodies;
  @Context SecurityContext security;

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "publishKeys",
      summary =
          "Publish your end-to-end keys: replaces the identity, signing and signed pre-key and adds the one-time"
              + " pre-keys (100 per upload, 200 kept). Public keys only: the server never sees a private key")
  @APIResponse(responseCode = "204", description = "Published")
  public Response publish(BundleUpload body) {
    keys.publish(SignedIn.of(security).accountId(), bodies.valid(body));
    return Response.noContent().build();
  }

  @GET
  @Path("count")
  @Operation(
      operationId = "countOneTimePreKeys",
      summary = "How many of your one-time pre-keys are left; upload more when few remain")
  public PreKeyCount count() {
    return new PreKeyCount(keys.oneTimePreKeysLeft(SignedIn.of(security).accountId()));
  }

  /** How many one-time pre-keys are left. */
  public record PreKeyCount(long count) {}

  /** A match's keys; each fetch hands out (and deletes) one of their one-time pre-keys. */
  @Tag(name = "chat")
  @SecurityRequirement(name = "bearer")
  @SecurityRequirementsSet({
    @SecurityRequirement(name = "session"),
    @SecurityRequirement(name = "csrf")
  })
  @Path("keys")
  @Produces(MediaType.APPLICATION_JSON)
  @Roles("USER")
  public static class Peers {
    @Inject KeyDirectory keys;
    @Context SecurityContext security;

    @GET
    @Path("{accountId}")
    @Operation(
        operationId = "fetchPeerKeys",
        summary =
            "A match's end-to-end key bundle, with one one-time pre-key (null when they ran out)."
                + " Only between the two people of an active match; 404 otherwise")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponseSchema(
        value = PeerBundle.class,
        responseDescription = "Their public keys, with one one-time pre-key")
    public PeerBundle fetch(@PathParam("accountId") UUID accountId) {
      return keys.fetch(SignedIn.of(security).accountId(), accountId);
    }
  }
}
