package app.dating.api.http;

import app.dating.shared.config.ConfigKeys;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Serves the API's OpenAPI document at {@code /openapi}: the one the build generated from the code
 * (web-module/pom.xml, SmallRye OpenAPI), with its server set to the platform's public URL. YAML by
 * default; JSON for {@code ?format=json} or {@code Accept: application/json}, as MicroProfile
 * OpenAPI does. Payara's own generator is off ({@code mp.openapi.scan.disable}): it maps UUIDs,
 * dates and enums to {@code object} and sees no class outside the WAR.
 */
public class OpenApiDocument extends HttpServlet {
  private static final long serialVersionUID = 1L;

  /** The server URL the build writes, replaced here by the configured public URL. */
  public static final String PUBLIC_URL_PLACEHOLDER = "https://public-url.invalid";

  @Inject
  @ConfigProperty(name = ConfigKeys.PUBLIC_URL, defaultValue = "http://localhost:8080")
  String publicUrl;

  private byte[] yaml;
  private byte[] json;

  @Override
  public void init() throws ServletException {
    String server = serverUrl(publicUrl);
    yaml = document("openapi.yaml", server);
    json = document("openapi.json", server);
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    boolean asJson = wantsJson(request.getParameter("format"), request.getHeader("Accept"));
    byte[] body = asJson ? json : yaml;
    response.setContentType(asJson ? "application/json" : "application/yaml");
    response.setCharacterEncoding("UTF-8");
    response.setHeader("Cache-Control", "no-cache");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  static boolean wantsJson(String format, String accept) {
    if (format != null) {
      return "json".equals(format.toLowerCase(Locale.ROOT));
    }
    return accept != null && accept.contains("application/json") && !accept.contains("yaml");
  }

  /** The public URL without a trailing slash (the document's paths start with one). */
  static String serverUrl(String configured) {
    URI uri = URI.create(configured.strip());
    if (uri.getScheme() == null || uri.getHost() == null) {
      throw new IllegalArgumentException("app.public-url must be an absolute URL: " + configured);
    }
    String url = uri.toString();
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private byte[] document(String name, String server) throws ServletException {
    try (InputStream in = getServletContext().getResourceAsStream("/WEB-INF/openapi/" + name)) {
      if (in == null) {
        throw new ServletException("the build did not package WEB-INF/openapi/" + name);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      if (!text.contains(PUBLIC_URL_PLACEHOLDER)) {
        throw new ServletException(name + " names no server " + PUBLIC_URL_PLACEHOLDER);
      }
      return text.replace(PUBLIC_URL_PLACEHOLDER, server).getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ServletException("cannot read WEB-INF/openapi/" + name, e);
    }
  }
}
