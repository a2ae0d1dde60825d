package app.dating.profiles.boundary;

import app.dating.api.http.Public;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.GenericEntity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The seeded catalogues profiles draw on. Public (the sign-up screens need them) and cacheable. */
@Tag(name = "profiles")
@Path("catalogue")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogueResource {
  static final int MAX_AGE_SECONDS = 3600;

  @Inject Profiles profiles;

  @GET
  @Path("interests")
  @Operation(
      operationId = "listInterests",
      summary = "The interests a profile can pick (by id), grouped by category")
  @APIResponse(
      responseCode = "200",
      content =
          @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = InterestView.class)))
  @Public
  @SecurityRequirements
  public Response interests() {
    return cached(new GenericEntity<List<InterestView>>(profiles.interests()) {});
  }

  @GET
  @Path("prompts")
  @Operation(
      operationId = "listPrompts",
      summary = "The prompt questions a profile can answer (by id)")
  @APIResponse(
      responseCode = "200",
      content =
          @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = PromptView.class)))
  @Public
  @SecurityRequirements
  public Response prompts() {
    return cached(new GenericEntity<List<PromptView>>(profiles.prompts()) {});
  }

  @GET
  @Path("genders")
  @Operation(
      operationId = "listGenders",
      summary =
          "The genders a profile can pick (by slug); \"other\" goes with your own words in genderText")
  @APIResponse(
      responseCode = "200",
      content =
          @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = GenderView.class)))
  @Public
  @SecurityRequirements
  public Response genders() {
    return cached(new GenericEntity<List<GenderView>>(profiles.genders()) {});
  }

  private static Response cached(GenericEntity<?> entity) {
    return Response.ok(entity)
        .header("Cache-Control", "public, max-age=" + MAX_AGE_SECONDS)
        .build();
  }
}
