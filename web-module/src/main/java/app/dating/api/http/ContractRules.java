package app.dating.api.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * The rules every operation of the OpenAPI document follows, applied once when the build generates
 * it (web-module/pom.xml), so resources declare only what is particular to them:
 *
 * <ul>
 *   <li>any request may be refused as malformed or invalid (400), or for an {@code Accept} header
 *       that names no type the operation produces (406); a request body is required;
 *   <li>an operation that reads a body may be refused for its size (413) or its type (415);
 *   <li>any request that carries a credential that is not valid is refused (401), and a signed-in
 *       operation without one (401) or for a missing role, entitlement or CSRF token (403);
 *   <li>a GET or HEAD with the session cookie needs no CSRF token ({@code SessionCookies});
 * </ul>
 *
 * and it fails the build when an operation has no operationId, no success response, or a JSON
 * success body that is not a named schema (a record), so generated clients get types.
 */
public class ContractRules implements OASFilter {
  private static final String RESPONSES = "#/components/responses/";

  private final List<String> violations = new ArrayList<>();

  @Override
  public PathItem filterPathItem(PathItem item) {
    item.getOperations()
        .forEach(
            (method, operation) -> {
              boolean safe =
                  method == PathItem.HttpMethod.GET || method == PathItem.HttpMethod.HEAD;
              apply(operation, safe);
            });
    return item;
  }

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    openAPI
        .getPaths()
        .getPathItems()
        .forEach(
            (path, item) ->
                item.getOperations()
                    .forEach((method, operation) -> check(method + " " + path, operation)));
    if (!violations.isEmpty()) {
      throw new IllegalStateException(
          "The API contract breaks its rules (ContractRules):\n  "
              + String.join("\n  ", violations));
    }
  }

  private static void apply(Operation operation, boolean safe) {
    addIfAbsent(operation, "400", "BadRequest");
    addIfAbsent(operation, "406", "NotAcceptable");
    addIfAbsent(operation, "401", "Unauthorized"); // a credential that was sent and is not valid
    if (operation.getRequestBody() != null) {
      operation.getRequestBody().setRequired(true); // RequestBodies.valid refuses a missing one
      addIfAbsent(operation, "413", "PayloadTooLarge");
      addIfAbsent(operation, "415", "UnsupportedMediaType");
    }
    List<SecurityRequirement> security = operation.getSecurity();
    if (security != null && !security.isEmpty()) {
      addIfAbsent(operation, "403", "Forbidden");
      if (safe) {
        operation.setSecurity(security.stream().map(ContractRules::withoutCsrf).toList());
      }
    }
    Map<String, APIResponse> byStatus = new TreeMap<>(operation.getResponses().getAPIResponses());
    operation.getResponses().setAPIResponses(byStatus);
  }

  /** A copy (requirements may be shared between operations) without the CSRF header. */
  private static SecurityRequirement withoutCsrf(SecurityRequirement requirement) {
    SecurityRequirement copy = OASFactory.createSecurityRequirement();
    requirement
        .getSchemes()
        .forEach(
            (scheme, scopes) -> {
              if (!"csrf".equals(scheme)) {
                copy.addScheme(scheme, scopes);
              }
            });
    return copy;
  }

  private static void addIfAbsent(Operation operation, String status, String response) {
    if (operation.getResponses().getAPIResponse(status) == null) {
      operation
          .getResponses()
          .addAPIResponse(status, OASFactory.createAPIResponse().ref(RESPONSES + response));
    }
  }

  private void check(String name, Operation operation) {
    if (operation.getOperationId() == null || operation.getOperationId().isBlank()) {
      violations.add(name + ": no operationId");
    }
    if (operation.getSecurity() == null) {
      violations.add(name + ": no security requirement (public operations declare an empty one)");
    }
    if (operation.getTags() == null || operation.getTags().isEmpty()) {
      violations.add(name + ": no tag");
    }
    Map<String, APIResponse> responses = operation.getResponses().getAPIResponses();
    boolean success = false;
    for (Map.Entry<String, APIResponse> response : responses.entrySet()) {
      if (!response.getKey().startsWith("2") && !response.getKey().startsWith("3")) {
        continue;
      }
      success = true;
      if (response.getValue().getDescription() == null) {
        violations.add(name + " " + response.getKey() + ": no description");
      }
      if (response.getValue().getContent() == null) {
        continue;
      }
      for (Map.Entry<String, MediaType> media :
          response.getValue().getContent().getMediaTypes().entrySet()) {
        if (media.getKey().endsWith("json") && !named(media.getValue().getSchema())) {
          violations.add(
              name + " " + response.getKey() + " " + media.getKey() + ": not a named schema");
        }
      }
    }
    if (!success) {
      violations.add(name + ": no success response");
    }
  }

  /** A reference to a component schema, or an array of them. */
  private static boolean named(Schema schema) {
    if (schema == null) {
      return false;
    }
    if (schema.getRef() != null) {
      return true;
    }
    return schema.getType() == Schema.SchemaType.ARRAY && named(schema.getItems());
  }
}
