package app.dating.admin.boundary;

import app.dating.api.http.ClientAddress;
import app.dating.api.http.Roles;
import app.dating.api.problem.RequestBodies;
import app.dating.discovery.boundary.ModelVersionView;
import app.dating.discovery.boundary.Ranking;
import app.dating.discovery.boundary.RankingView;
import app.dating.identity.control.SignedIn;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The feed's ranking, for admins: which ranker and model version are in use, the versions with
 * their figures; choosing another (a rollback is an older version); retraining now.
 */
@Tag(name = "admin")
@SecurityRequirement(name = "bearer")
@SecurityRequirementsSet({
  @SecurityRequirement(name = "session"),
  @SecurityRequirement(name = "csrf")
})
@Path("admin/ranking")
@Produces(MediaType.APPLICATION_JSON)
@Roles("ADMIN")
public class AdminRankingResource {
  @Inject Ranking ranking;
  @Inject RequestBodies bodies;
  @Inject ClientAddress clientAddress;
  @Context HttpServletRequest request;
  @Context SecurityContext security;

  /**
   * Body of a choice: the ranker, and the model version the learned one uses (absent: always the
   * newest).
   */
  public record RankingChoice(
      @NotNull @Pattern(regexp = "learned|simple|random|popularity") String ranker,
      @Positive Integer modelVersion) {}

  @GET
  @Operation(
      operationId = "getRanking",
      summary = "The feed's ranker, the model version in use and every version with its figures")
  @APIResponseSchema(value = RankingView.class, responseDescription = "The ranking in use")
  public RankingView get() {
    return ranking.state(SignedIn.of(security).accountId());
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "chooseRanking",
      summary =
          "Choose the ranker (learned, simple, random, popularity) and the model version (absent: the"
              + " newest; an older one is a rollback); audited; every instance follows within 30 s")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponseSchema(value = RankingView.class, responseDescription = "The ranking now in use")
  public RankingView choose(RankingChoice body) {
    RankingChoice choice = bodies.valid(body);
    return ranking.choose(
        SignedIn.of(security).accountId(),
        choice.ranker(),
        choice.modelVersion(),
        clientAddress.caller(request));
  }

  @POST
  @Path("retrain")
  @Operation(
      operationId = "retrainRanking",
      summary =
          "Train a new model version now (synchronously) and use it; audited. 409 while there are"
              + " too few swipes to learn from")
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponseSchema(
      value = ModelVersionView.class,
      responseDescription = "The new version and its figures")
  public ModelVersionView retrain() {
    return ranking.retrain(SignedIn.of(security).accountId(), clientAddress.caller(request));
  }
}
