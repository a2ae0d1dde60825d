package app.dating.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.junit.jupiter.api.Test;

class ContractRulesTest {
  private final ContractRules rules = new ContractRules();

  private static Operation operation(String id, boolean body, boolean signedIn) {
    Operation operation = OASFactory.createOperation().operationId(id).addTag("t");
    operation.setResponses(
        OASFactory.createAPIResponses()
            .addAPIResponse(
                "200",
                OASFactory.createAPIResponse()
                    .description("OK")
                    .content(
                        OASFactory.createContent()
                            .addMediaType(
                                "application/json",
                                OASFactory.createMediaType()
                                    .schema(
                                        OASFactory.createSchema()
                                            .ref("#/components/schemas/Thing"))))));
    if (body) {
      operation.setRequestBody(OASFactory.createRequestBody());
    }
    SecurityRequirement bearer = OASFactory.createSecurityRequirement().addScheme("bearer");
    SecurityRequirement cookie =
        OASFactory.createSecurityRequirement().addScheme("session").addScheme("csrf");
    operation.setSecurity(signedIn ? List.of(bearer, cookie) : List.of());
    return operation;
  }

  @Test
  void aSignedInWriteMayBeRefusedForItsBodyAndItsCredentialAndNeedsTheCsrfToken() {
    Operation post = operation("write", true, true);
    rules.filterPathItem(OASFactory.createPathItem().POST(post));
    assertEquals(
        List.of("200", "400", "401", "403", "406", "413", "415"),
        List.copyOf(post.getResponses().getAPIResponses().keySet()));
    assertEquals(
        "#/components/responses/PayloadTooLarge",
        post.getResponses().getAPIResponse("413").getRef());
    assertTrue(post.getRequestBody().getRequired());
    assertEquals(
        List.of(Map.of("bearer", List.of()), Map.of("session", List.of(), "csrf", List.of())),
        post.getSecurity().stream().map(SecurityRequirement::getSchemes).toList());
  }

  @Test
  void aSignedInReadNeedsNoCsrfToken() {
    Operation get = operation("read", false, true);
    rules.filterPathItem(OASFactory.createPathItem().GET(get));
    assertEquals(
        List.of(Map.of("bearer", List.of()), Map.of("session", List.of())),
        get.getSecurity().stream().map(SecurityRequirement::getSchemes).toList());
    assertEquals(
        List.of("200", "400", "401", "403", "406"),
        List.copyOf(get.getResponses().getAPIResponses().keySet()));
  }

  @Test
  void aPublicReadMayOnlyBeMalformedUnacceptableOrCarryABadCredential() {
    Operation get = operation("public", false, false);
    rules.filterPathItem(OASFactory.createPathItem().GET(get));
    assertEquals(
        List.of("200", "400", "401", "406"),
        List.copyOf(get.getResponses().getAPIResponses().keySet()));
  }

  @Test
  void anOperationWithoutIdOrWithAnUnnamedJsonBodyFailsTheBuild() {
    Operation anonymous = operation(null, false, false);
    Operation untyped = operation("untyped", false, false);
    untyped
        .getResponses()
        .getAPIResponse("200")
        .getContent()
        .getMediaType("application/json")
        .setSchema(
            OASFactory.createSchema()
                .type(org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.OBJECT));
    PathItem one = OASFactory.createPathItem().GET(anonymous);
    PathItem two = OASFactory.createPathItem().GET(untyped);
    IllegalStateException failure =
        assertThrows(
            IllegalStateException.class,
            () ->
                rules.filterOpenAPI(
                    OASFactory.createOpenAPI()
                        .paths(
                            OASFactory.createPaths()
                                .addPathItem("/a", one)
                                .addPathItem("/b", two))));
    assertTrue(failure.getMessage().contains("GET /a: no operationId"), failure.getMessage());
    assertTrue(
        failure.getMessage().contains("GET /b 200 application/json: not a named schema"),
        failure.getMessage());
  }
}
