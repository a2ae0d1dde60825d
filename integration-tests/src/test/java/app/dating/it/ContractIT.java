package app.dating.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.atlassian.oai.validator.report.ValidationReport;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document as a contract: what is served is what the build generated from the code, it
 * passes Redocly's recommended rules, and the response check every test runs through ({@link
 * Contract}) does catch a response that breaks it.
 */
class ContractIT {
  private static final Path BUILT = Platform.ROOT.resolve("web-module/target/openapi/openapi.json");

  @Test
  void theServedDocumentIsTheBuiltOneWithThePublicUrlAsServer() throws Exception {
    JsonObject served = Json.createReader(new StringReader(Contract.servedDocument())).readObject();
    JsonObject built = Json.createReader(new StringReader(Files.readString(BUILT))).readObject();
    assertEquals(
        "http://localhost:" + Platform.HTTP_PORT,
        served.getJsonArray("servers").getJsonObject(0).getString("url"));
    assertEquals(
        Json.createObjectBuilder(built).remove("servers").build(),
        Json.createObjectBuilder(served).remove("servers").build());
  }

  @Test
  void yamlOnRequestAsMicroProfileOpenApiServesIt() {
    Platform.Reply yaml = Platform.get("/openapi");
    assertEquals(200, yaml.status());
    assertTrue(yaml.contentType().startsWith("application/yaml"), yaml::toString);
    assertTrue(yaml.body().contains("openapi: 3.0.3"), yaml.body().substring(0, 200));
  }

  @Test
  void redoclyFindsNoErrors() throws Exception {
    ContractTools.Run lint =
        ContractTools.run(
            "redocly",
            "lint",
            Platform.uri("/openapi").toString(),
            "--config",
            ContractTools.HOME.resolve("redocly.yaml").toString(),
            "--format",
            "summary");
    assertEquals(0, lint.exitCode(), lint.output());
    assertTrue(lint.output().contains("Your API description is valid"), lint.output());
  }

  /**
   * The check can fail: against a document whose health schema says DOWN, the real answer breaks
   * it.
   */
  @Test
  void aResponseThatBreaksTheDocumentIsCaught() throws Exception {
    JsonObject document =
        Json.createReader(new StringReader(Contract.servedDocument())).readObject();
    JsonObject downOnly =
        Json.createObjectBuilder()
            .add("type", "object")
            .add("required", Json.createArrayBuilder().add("status"))
            .add(
                "properties",
                Json.createObjectBuilder()
                    .add(
                        "status",
                        Json.createObjectBuilder()
                            .add("type", "string")
                            .add("enum", Json.createArrayBuilder().add("DOWN"))))
            .build();
    String wrong =
        Json.createPointer("/components/schemas/HealthStatus")
            .replace(document, downOnly)
            .toString();
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest request = HttpRequest.newBuilder(Platform.uri("/api/v1/health")).build();
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode());

    ValidationReport right =
        Contract.violations(
            Contract.validatorFor(Contract.servedDocument()), "GET", request.uri(), response);
    assertFalse(right.hasErrors(), right::toString);
    ValidationReport broken =
        Contract.violations(Contract.validatorFor(wrong), "GET", request.uri(), response);
    assertTrue(broken.hasErrors(), "a body against the wrong schema was not caught");
    assertTrue(broken.toString().contains("DOWN"), broken::toString);
  }
}
