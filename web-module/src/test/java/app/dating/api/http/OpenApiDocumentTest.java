package app.dating.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpenApiDocumentTest {

  @ParameterizedTest
  @CsvSource(
      nullValues = "null",
      value = {
        "null, null, false",
        "null, application/json, true",
        "null, 'application/yaml, application/json', false",
        "json, null, true",
        "JSON, application/yaml, true",
        "yaml, application/json, false",
        "null, text/html, false"
      })
  void yamlUnlessJsonIsAskedFor(String format, String accept, boolean json) {
    assertEquals(json, OpenApiDocument.wantsJson(format, accept));
  }

  @ParameterizedTest
  @CsvSource({
    "https://dating.example.com, https://dating.example.com",
    "https://dating.example.com/, https://dating.example.com",
    "' http://localhost:8080 ', http://localhost:8080"
  })
  void theServerIsThePublicUrlWithoutATrailingSlash(String configured, String server) {
    assertEquals(server, OpenApiDocument.serverUrl(configured));
  }

  @ParameterizedTest
  @CsvSource({"dating.example.com", "/api", "mailto:x@example.com"})
  void aPublicUrlThatIsNoAbsoluteUrlIsRefused(String configured) {
    assertThrows(IllegalArgumentException.class, () -> OpenApiDocument.serverUrl(configured));
  }
}
