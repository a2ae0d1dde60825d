package app.dating.api;

import app.dating.api.http.OpenApiDocument;
import app.dating.api.problem.ProblemSchemas;
import app.dating.identity.control.SessionCookies;
import app.dating.shared.problem.Problem;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.servers.Server;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The versioned JSON API. A CDI bean too: MicroProfile JWT needs that on Payara (see README). */
@ApplicationPath("/api/v1")
@ApplicationScoped
@LoginConfig(authMethod = "MP-JWT", realmName = "dating")
@DeclareRoles({"USER", "MODERATOR", "ADMIN"})
@OpenAPIDefinition(
    info =
        @Info(
            title = "Dating platform API",
            version = "1",
            description =
                "JSON API for the mobile apps and the website. Every error is an RFC 9457 problem"
                    + " (`application/problem+json`) with a stable `type` URI; a 400 may name each"
                    + " invalid field in `errors`. Apps sign in with a bearer access token (`bearer`),"
                    + " browsers with the session cookie (`session`), repeating its CSRF token"
                    + " (`csrf`) on every request that changes something. The chat socket's frames are"
                    + " described in the AsyncAPI document at `/asyncapi.yaml`.",
            license = @License(name = "Proprietary")),
    servers =
        @Server(
            url = OpenApiDocument.PUBLIC_URL_PLACEHOLDER,
            description = "This platform (its configured public URL, APP_PUBLIC_URL)"),
    tags = {
      @Tag(name = "identity", description = "Accounts, sign-in, sessions, passwords, providers"),
      @Tag(name = "profiles", description = "Profiles, location, catalogues"),
      @Tag(name = "media", description = "Profile photos and their sizes"),
      @Tag(name = "discovery", description = "The feed of candidates"),
      @Tag(name = "matching", description = "Swipes, matches, likes, blocks and reports"),
      @Tag(
          name = "chat",
          description = "Conversations, messages over REST, presence, end-to-end keys"),
      @Tag(
          name = "payments",
          description = "Plans, checkout, subscriptions, entitlements, payment webhooks"),
      @Tag(name = "admin", description = "Staff operations"),
      @Tag(name = "system", description = "Health and operator diagnostics")
    },
    components =
        @Components(
            securitySchemes = {
              @SecurityScheme(
                  securitySchemeName = "bearer",
                  type = SecuritySchemeType.HTTP,
                  scheme = "bearer",
                  bearerFormat = "JWT",
                  description =
                      "An access token from /auth/login, /auth/refresh or a provider sign-in"),
              @SecurityScheme(
                  securitySchemeName = "session",
                  type = SecuritySchemeType.APIKEY,
                  in = SecuritySchemeIn.COOKIE,
                  apiKeyName = SessionCookies.COOKIE,
                  description = "The browser session cookie set by POST /auth/session"),
              @SecurityScheme(
                  securitySchemeName = "csrf",
                  type = SecuritySchemeType.APIKEY,
                  in = SecuritySchemeIn.HEADER,
                  apiKeyName = SessionCookies.CSRF_HEADER,
                  description =
                      "The session's CSRF token, on every request with the cookie that is not GET,"
                          + " HEAD or OPTIONS"),
              @SecurityScheme(
                  securitySchemeName = "stripe-signature",
                  type = SecuritySchemeType.APIKEY,
                  in = SecuritySchemeIn.HEADER,
                  apiKeyName = "Stripe-Signature",
                  description =
                      "Stripe's webhook signature (t=…,v1=… : HMAC-SHA256 of the timestamp and the"
                          + " body with the endpoint's signing secret); the only credential of"
                          + " webhooks")
            },
            responses = {
              @APIResponse(
                  name = "BadRequest",
                  description =
                      "The request is malformed, or fields are invalid (each named in `errors`)",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema =
                              @Schema(implementation = ProblemSchemas.ValidationProblem.class))),
              @APIResponse(
                  name = "Unauthorized",
                  description =
                      "No valid access token or session (also on a public operation, when one was sent)",
                  headers =
                      @Header(
                          name = "WWW-Authenticate",
                          schema = @Schema(type = SchemaType.STRING)),
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class))),
              @APIResponse(
                  name = "Forbidden",
                  description =
                      "Signed in, but not allowed: a role or an entitlement is missing, or the CSRF token",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class))),
              @APIResponse(
                  name = "NotFound",
                  description =
                      "Nothing there, or nothing you may see (the two are not told apart)",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class))),
              @APIResponse(
                  name = "NotAcceptable",
                  description = "The Accept header names no media type this operation produces",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class))),
              @APIResponse(
                  name = "Conflict",
                  description = "The request conflicts with the current state",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class))),
              @APIResponse(
                  name = "PayloadTooLarge",
                  description = "The body is larger than this operation accepts",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class))),
              @APIResponse(
                  name = "UnsupportedMediaType",
                  description = "The body's content type is not the one this operation reads",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class))),
              @APIResponse(
                  name = "ServiceUnavailable",
                  description =
                      "Busy: too many passwords are being checked at once (or a sign-in provider"
                          + " cannot be reached); try again after `Retry-After` seconds",
                  headers =
                      @Header(
                          name = "Retry-After",
                          description = "Seconds to wait",
                          schema = @Schema(type = SchemaType.INTEGER)),
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class))),
              @APIResponse(
                  name = "TooManyRequests",
                  description =
                      "A rate limit or a daily allowance is used up; try again after `Retry-After` seconds",
                  headers =
                      @Header(
                          name = "Retry-After",
                          description = "Seconds to wait",
                          schema = @Schema(type = SchemaType.INTEGER)),
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class)))
            }))
public class ApiApplication extends Application {

  /**
   * Multipart bodies (photo uploads as {@code EntityPart}), and no WADL: Jersey answered OPTIONS
   * with an XML description of the API beside the OpenAPI document. Roles are checked by {@code
   * RolesCheck}.
   */
  @Override
  public Map<String, Object> getProperties() {
    return Map.of(
        "jersey.config.server.provider.classnames",
        "org.glassfish.jersey.media.multipart.MultiPartFeature",
        "jersey.config.server.wadl.disableWadl",
        true);
  }
}
