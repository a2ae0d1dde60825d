package app.dating.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dating.api.http.RolesCheck.Access;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.Reader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every resource method of the API says who may call it (RolesCheck closes the others), and the
 * OpenAPI document the build generated says the same: public operations with an empty security
 * list, the others with a credential.
 */
class ResourceSecurityTest {
  /** Security schemes that are a sender's signature over the request, not a sign-in. */
  private static final java.util.Set<String> SIGNATURE_SCHEMES =
      java.util.Set.of("stripe-signature");

  private static final java.nio.file.Path CLASSES = java.nio.file.Path.of("target/classes");
  private static final java.nio.file.Path DOCUMENT =
      java.nio.file.Path.of("target/openapi/openapi.json");

  /** "GET /api/v1/me" of every resource method, with who may call it. */
  private static final Map<String, Access> METHODS = new TreeMap<>();

  @BeforeAll
  static void findResourceMethods() throws Exception {
    try (Stream<java.nio.file.Path> files = Files.walk(CLASSES)) {
      for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name =
            CLASSES.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
        Class<?> type = Class.forName(name, false, ResourceSecurityTest.class.getClassLoader());
        Path root = type.getAnnotation(Path.class);
        if (root == null) {
          continue;
        }
        for (Method method : type.getMethods()) {
          httpMethod(method)
              .ifPresent(
                  verb ->
                      METHODS.put(
                          verb + " " + path(root, method.getAnnotation(Path.class)),
                          Access.of(method, type)));
        }
      }
    }
    assertFalse(METHODS.isEmpty(), "no resource found under " + CLASSES.toAbsolutePath());
  }

  @Test
  void everyResourceMethodSaysWhoMayCallIt() {
    List<String> closed = new ArrayList<>();
    METHODS.forEach(
        (operation, access) -> {
          if (!access.isPublic() && access.roles().isEmpty()) {
            closed.add(operation);
          }
        });
    assertEquals(
        List.of(), closed, "neither @Public nor @Roles (RolesCheck closes them to everyone)");
  }

  @Test
  void theDocumentDeclaresTheSameSecurity() throws IOException {
    JsonObject paths;
    try (Reader in = Files.newBufferedReader(DOCUMENT)) {
      paths = Json.createReader(in).readObject().getJsonObject("paths");
    }
    Map<String, JsonArray> documented = new TreeMap<>();
    paths.forEach(
        (path, item) ->
            item.asJsonObject()
                .forEach(
                    (verb, operation) -> {
                      if (!"parameters".equals(verb)) {
                        documented.put(
                            verb.toUpperCase(Locale.ROOT) + " " + path,
                            operation.asJsonObject().getJsonArray("security"));
                      }
                    }));
    assertEquals(
        METHODS.keySet(),
        documented.keySet(),
        "the document's operations are the resource methods");
    METHODS.forEach(
        (operation, access) -> {
          JsonArray security = documented.get(operation);
          if (access.isPublic()) {
            // Public: no sign-in. A webhook's signature (verified by the operation itself) is the
            // one credential a public operation may declare.
            assertTrue(
                security.stream()
                    .allMatch(
                        s ->
                            s.asJsonObject().keySet().stream()
                                .allMatch(SIGNATURE_SCHEMES::contains)),
                operation + " is public, the document asks for " + security);
          } else {
            assertTrue(
                security.stream().anyMatch(s -> s.asJsonObject().containsKey("bearer")),
                operation + ": " + security);
            assertTrue(
                security.stream().anyMatch(s -> s.asJsonObject().containsKey("session")),
                operation + ": " + security);
          }
        });
  }

  private static java.util.Optional<String> httpMethod(Method method) {
    for (Annotation annotation : method.getAnnotations()) {
      HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
      if (verb != null) {
        return java.util.Optional.of(verb.value());
      }
    }
    return java.util.Optional.empty();
  }

  private static String path(Path root, Path sub) {
    String joined = "/api/v1/" + root.value() + (sub == null ? "" : "/" + sub.value());
    String normalized = joined.replaceAll("/+", "/");
    return normalized.length() > 1 && normalized.endsWith("/")
        ? normalized.substring(0, normalized.length() - 1)
        : normalized;
  }
}
