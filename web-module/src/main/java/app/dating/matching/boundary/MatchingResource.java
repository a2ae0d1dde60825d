package app.dating.matching.boundary;

import app.dating.api.http.Roles;
import app.dating.api.problem.RequestBodies;
import app.dating.identity.control.SignedIn;
import app.dating.matching.entity.Report;
import app.dating.matching.entity.SwipeKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Swipes, matches, blocks, reports and "likes you", for the signed-in person. One instance for the
 * application (the caller comes in as a parameter): a resource made per request, with its
 * injections, was a tenth of a swipe's CPU.
 */
@Tag(name = "matching")
@SecurityRequirement(name = "bearer")
@SecurityRequirementsSet({
  @SecurityRequirement(name = "session"),
  @SecurityRequirement(name = "csrf")
})
@ApplicationScoped
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Roles("USER")
public class MatchingResource {
  static final int PAGE_MAX = 50;

  @Inject Matching matching;
  @Inject SwipeWriter swipes;
  @Inject RequestBodies bodies;

  /**
   * Body of a swipe; {@code dwellMs}, optional: how long the card was on screen before the swipe
   * (milliseconds), which the ranking learns from.
   */
  public record SwipeRequest(
      @NotNull UUID targetId, @NotNull SwipeKind kind, @Min(0) @Max(3_600_000) Integer dwellMs) {}

  @POST
  @Path("swipes")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "swipe",
      summary =
          "Swipe LIKE, PASS or SUPERLIKE on a candidate; says whether it made a match. Repeating the same swipe is harmless")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "429", ref = "TooManyRequests")
  @APIResponseSchema(
      value = SwipeResult.class,
      responseDescription = "Stored (or the same swipe again): whether it made a match")
  public SwipeResult swipe(SwipeRequest body, @Context SecurityContext security) {
    SwipeRequest swipe = bodies.valid(body);
    return swipes.swipe(me(security), swipe.targetId(), swipe.kind(), swipe.dwellMs());
  }

  @GET
  @Path("matches")
  @Operation(
      operationId = "listMatches",
      summary =
          "Your matches, newest activity first; pass `next` as `cursor` for the following page")
  public MatchPage matches(
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") @DefaultValue("20") int limit,
      @Context SecurityContext security) {
    return matching.matches(me(security), cursor, Math.max(1, Math.min(PAGE_MAX, limit)));
  }

  @DELETE
  @Path("matches/{id}")
  @Operation(
      operationId = "unmatch",
      summary = "Unmatch: the match (and its conversation) ends for both")
  @APIResponse(responseCode = "204", description = "The match has ended for both")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response unmatch(@PathParam("id") UUID id, @Context SecurityContext security) {
    matching.unmatch(me(security), id);
    return Response.noContent().build();
  }

  /** Body of a block. */
  public record BlockRequest(@NotNull UUID accountId) {
    public BlockRequest(UUID accountId) {
      this.accountId = accountId;
    }
  }

  @POST
  @Path("blocks")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "block",
      summary = "Block someone: you are hidden from each other everywhere, for good; a match ends")
  @APIResponse(responseCode = "204", description = "Blocked")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response block(BlockRequest body, @Context SecurityContext security) {
    matching.block(me(security), bodies.valid(body).accountId());
    return Response.noContent().build();
  }

  /** Body of a report: whom, why, optionally what exactly ({@code photo:<id>} …) and a comment. */
  public record ReportRequest(
      @NotNull UUID accountId,
      @NotNull Report.Reason reason,
      @Size(max = Report.COMMENT_MAX) String comment,
      @Size(max = Report.CONTENT_REF_MAX) @Pattern(regexp = Report.CONTENT_REF)
          String contentRef) {}

  @POST
  @Path("reports")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(operationId = "report", summary = "Report someone to the moderators (20 a day)")
  @APIResponse(
      responseCode = "201",
      description = "The report is queued for the moderators",
      content = @Content(schema = @Schema(implementation = ReportReceipt.class)))
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "429", ref = "TooManyRequests")
  public Response report(ReportRequest body, @Context SecurityContext security) {
    ReportRequest report = bodies.valid(body);
    UUID id =
        matching.report(
            me(security),
            report.accountId(),
            report.reason(),
            report.comment(),
            report.contentRef());
    return Response.status(Response.Status.CREATED).entity(new ReportReceipt(id)).build();
  }

  @GET
  @Path("likes/count")
  @Operation(
      operationId = "countLikes",
      summary = "How many people liked you and wait for your answer")
  public LikesCount likesCount(@Context SecurityContext security) {
    return new LikesCount(matching.likesCount(me(security)));
  }

  @GET
  @Path("likes")
  @Operation(
      operationId = "listLikes",
      summary = "Who liked you (premium: the SEE_LIKES entitlement)")
  public List<LikeView> likes(
      @QueryParam("limit") @DefaultValue("50") int limit, @Context SecurityContext security) {
    return matching.likes(me(security), Math.max(1, Math.min(PAGE_MAX, limit)));
  }

  /** A report's receipt: its id, to quote when writing to support. */
  public record ReportReceipt(UUID id) {}

  /** How many people liked you and wait for your answer. */
  public record LikesCount(long count) {}

  private static UUID me(SecurityContext security) {
    return SignedIn.of(security).accountId();
  }
}
