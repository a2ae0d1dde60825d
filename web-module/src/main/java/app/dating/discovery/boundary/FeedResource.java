package app.dating.discovery.boundary;

import app.dating.api.http.Roles;
import app.dating.identity.control.SignedIn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The discovery feed. One instance for the application: the caller comes in as a parameter. */
@Tag(name = "discovery")
@SecurityRequirement(name = "bearer")
@SecurityRequirementsSet({
  @SecurityRequirement(name = "session"),
  @SecurityRequirement(name = "csrf")
})
@ApplicationScoped
@Path("discovery/feed")
@Produces(MediaType.APPLICATION_JSON)
@Roles("USER")
public class FeedResource {
  static final int PAGE_MAX = 50;

  @Inject Discovery discovery;

  @GET
  @Operation(
      operationId = "getFeed",
      summary =
          "Candidates for you, best first; pass `next` as `cursor` for more of the same session (nobody repeats)",
      description =
          "Rate-limited per account (`DISCOVERY_FEED_REQUESTS_PER_MINUTE`, 60 by default). Each request"
              + " without a cursor starts a session; a person keeps their newest few"
              + " (`DISCOVERY_FEED_SESSIONS`, 5): a cursor of an older one starts a new session, whose"
              + " `next` differs from the cursor given.")
  @APIResponse(responseCode = "429", ref = "TooManyRequests")
  @APIResponseSchema(value = FeedPage.class, responseDescription = "OK")
  public FeedPage feed(
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") @DefaultValue("20") int limit,
      @Context SecurityContext security) {
    return discovery.feed(
        SignedIn.of(security).accountId(), cursor, Math.max(1, Math.min(PAGE_MAX, limit)));
  }
}
