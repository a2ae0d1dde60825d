package app.dating.it;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Every response the integration tests receive from the API is checked against the OpenAPI document
 * the platform serves ({@code /openapi}): its status must be declared for the operation, its body
 * must match the declared schema. A response that breaks the contract fails the test that received
 * it. Requests to what the document does not describe (unknown paths and methods, which tests send
 * on purpose) are counted, not checked. The counts are printed at the end of the run and written to
 * {@code target/contract-responses.txt}.
 */
public class Contract implements LauncherSessionListener {
  private static final AtomicInteger VALIDATED = new AtomicInteger();
  private static final AtomicInteger OUTSIDE = new AtomicInteger();
  private static final Set<String> OUTSIDE_MESSAGES =
      Set.of("validation.request.path.missing", "validation.request.operation.notAllowed");
  private static volatile OpenApiInteractionValidator validator;

  /** A validator for a document, reporting only what concerns responses. */
  static OpenApiInteractionValidator validatorFor(String document) {
    return OpenApiInteractionValidator.createForInlineApiSpecification(document)
        // allOf (ValidationProblem) as one schema: checked part by part, each part refuses the
        // others' members
        .withResolveCombinators(true)
        .withLevelResolver(
            LevelResolver.create()
                .withLevel("validation.request", ValidationReport.Level.IGNORE)
                .withLevel("validation.request.path.missing", ValidationReport.Level.ERROR)
                .withLevel("validation.request.operation.notAllowed", ValidationReport.Level.ERROR)
                .build())
        .build();
  }

  /** The document the platform serves, as JSON. */
  static String servedDocument() {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    try {
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(Platform.uri("/openapi"))
                  .header("Accept", "application/json")
                  .timeout(Duration.ofSeconds(30))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new AssertionError("GET /openapi: " + response.statusCode() + " " + response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Checks one exchange of a test against the served document; a violation fails the test. */
  static void check(HttpRequest request, HttpResponse<String> response) {
    URI uri = request.uri();
    if (uri.getPath() == null
        || !uri.getPath().startsWith("/api/")
        || response.headers().firstValue("X-Request-Id").isEmpty()) {
      return; // not the API's answer: Apache's own (a redirect to HTTPS, its error documents)
    }
    ValidationReport report = violations(validator(), request.method(), uri, response);
    if (report.getMessages().stream().anyMatch(m -> OUTSIDE_MESSAGES.contains(m.getKey()))) {
      OUTSIDE.incrementAndGet();
      return;
    }
    VALIDATED.incrementAndGet();
    if (report.hasErrors()) {
      throw new AssertionError(
          "The response breaks the API contract (/openapi): "
              + request.method()
              + " "
              + uri.getPath()
              + " -> "
              + response.statusCode()
              + " "
              + response.headers().firstValue("Content-Type").orElse("")
              + "\n"
              + report.getMessages().stream()
                  .map(m -> "  " + m.getKey() + ": " + m.getMessage())
                  .collect(Collectors.joining("\n"))
              + "\nbody: "
              + abbreviated(response.body()));
    }
  }

  /** What {@code validator} finds wrong with a response to {@code method uri}. */
  static ValidationReport violations(
      OpenApiInteractionValidator validator,
      String method,
      URI uri,
      HttpResponse<String> response) {
    SimpleResponse.Builder built = SimpleResponse.Builder.status(response.statusCode());
    response.headers().map().forEach(built::withHeader);
    if (response.body() != null && !response.body().isEmpty()) {
      built.withBody(response.body());
    }
    return validator.validateResponse(
        uri.getPath(), Request.Method.valueOf(method.toUpperCase(Locale.ROOT)), built.build());
  }

  private static OpenApiInteractionValidator validator() {
    if (validator == null) {
      synchronized (Contract.class) {
        if (validator == null) {
          validator = validatorFor(servedDocument());
        }
      }
    }
    return validator;
  }

  private static String abbreviated(String body) {
    return body == null || body.length() < 2000 ? body : body.substring(0, 2000) + "…";
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    if (VALIDATED.get() + OUTSIDE.get() == 0) {
      return;
    }
    String summary =
        "API contract: "
            + VALIDATED.get()
            + " responses validated against /openapi; "
            + OUTSIDE.get()
            + " to paths or methods it does not describe";
    System.out.println(summary);
    try {
      Path file = Path.of("target/contract-responses.txt");
      Files.createDirectories(file.getParent());
      Files.writeString(file, summary + System.lineSeparator());
    } catch (IOException e) {
      System.out.println("cannot write target/contract-responses.txt: " + e);
    }
  }
}
