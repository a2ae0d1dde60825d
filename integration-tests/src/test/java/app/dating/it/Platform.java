package app.dating.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/** The platform started for this test run (see the pom), and a small HTTP client for it. */
final class Platform {
  static final int HTTP_PORT = Integer.getInteger("it.http.port", 18080);
  static final int HTTP_PORT_2 = HTTP_PORT + 2;
  static final Path ROOT =
      Path.of(System.getProperty("it.root", "..")).toAbsolutePath().normalize();

  /**
   * HTTP/1.1, as Apache's proxy speaks to the server: the JDK client's default (an upgrade to
   * HTTP/2) once hid that a DELETE with a body got an empty 400 over HTTP/1.1.
   */
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private Platform() {}

  static URI uri(String path) {
    return URI.create("http://localhost:" + HTTP_PORT + path);
  }

  static Reply get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  static Reply postJson(String path, String json) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  static Reply send(HttpRequest.Builder request) {
    return send(CLIENT, request);
  }

  static Reply send(HttpClient client, HttpRequest.Builder request) {
    try {
      HttpRequest built = request.timeout(Duration.ofSeconds(30)).build();
      HttpResponse<String> response = client.send(built, HttpResponse.BodyHandlers.ofString());
      Contract.check(built, response);
      return new Reply(response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** One HTTP response. */
  record Reply(HttpResponse<String> response) {
    int status() {
      return response.statusCode();
    }

    String body() {
      return response.body();
    }

    String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }

    String contentType() {
      return header("Content-Type");
    }

    JsonObject json() {
      return (JsonObject) structure();
    }

    JsonStructure structure() {
      try {
        return Json.createReader(new StringReader(body())).read();
      } catch (RuntimeException e) {
        throw new AssertionError("not JSON (" + status() + "): " + body(), e);
      }
    }

    @Override
    public String toString() {
      return status() + " " + contentType() + " " + body();
    }
  }
}
