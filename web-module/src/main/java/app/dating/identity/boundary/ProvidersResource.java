package app.dating.identity.boundary;

import app.dating.api.http.ClientAddress;
import app.dating.api.http.Public;
import app.dating.api.problem.RequestBodies;
import app.dating.identity.boundary.ProviderSignIn.Details;
import app.dating.identity.control.SessionCookies;
import app.dating.identity.entity.Account;
import app.dating.identity.entity.IdentityProvider;
import app.dating.shared.problem.BusinessException;
import app.dating.shared.problem.InvalidInputException;
import app.dating.shared.problem.ProblemType;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Sign in with Google, Apple or Facebook. Apps post the provider's token; browsers go through the
 * authorization-code flow with PKCE, which ends in the session cookie.
 */
@Tag(name = "identity")
@Path("auth/providers/{provider}")
@Produces(MediaType.APPLICATION_JSON)
public class ProvidersResource {
  /**
   * Binds a browser's sign-in to the browser that started it (the state alone could be planted).
   */
  static final String FLOW_COOKIE = "__Host-dating-signin";

  static final int TOKEN_MAX = 8192;

  @Inject ProviderSignIn signIn;
  @Inject RequestBodies bodies;
  @Inject ClientAddress clientAddress;
  @Context HttpServletRequest request;

  @Inject
  @ConfigProperty(name = "app.public-url", defaultValue = "http://localhost:8080")
  String publicUrl;

  @POST
  @Path("nonce")
  @Operation(
      operationId = "issueSignInNonce",
      summary =
          "A single-use nonce for an app's sign-in or link with the provider: hand it to the"
              + " provider's SDK, so the ID token carries it")
  @APIResponse(
      responseCode = "200",
      description = "The nonce; it works once, for this provider, within expiresIn seconds",
      content = @Content(schema = @Schema(implementation = ProviderSignIn.SignInNonce.class)))
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "429", ref = "TooManyRequests")
  @Public
  @SecurityRequirements
  public Response nonce(@PathParam("provider") String provider) {
    return Response.ok(signIn.nonce(provider(provider), clientAddress.caller(request)))
        .header("Cache-Control", "no-store")
        .build();
  }

  /**
   * Body of an app's sign-in: an ID token carrying a nonce from {@code POST …/nonce}, or a classic
   * Facebook access token; details for a first sign-in.
   */
  public record ProviderToken(
      @Size(max = TOKEN_MAX) String idToken,
      @Size(max = TOKEN_MAX) String accessToken,
      @Schema(
              description =
                  "The issued nonce, when the ID token carries its SHA-256 (hex) instead, as Sign"
                      + " in with Apple apps do")
          @Size(max = 200)
          String nonce,
      @Size(max = Account.DISPLAY_NAME_MAX) String name,
      LocalDate birthDate,
      @Size(max = AuthResource.PASSWORD_MAX) String password) {

    @AssertTrue(message = "send either idToken or accessToken")
    boolean isOneToken() {
      return (idToken == null) != (accessToken == null);
    }
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "signInWithProvider",
      summary =
          "Sign an app in with the provider's ID token, carrying a nonce from …/nonce (or a classic Facebook access token); opens an account on first sign-in")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "429", ref = "TooManyRequests")
  @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
  @Public
  @SecurityRequirements
  @APIResponseSchema(
      value = TokenPair.class,
      responseDescription = "Signed in: an access token and a refresh token")
  public TokenPair signIn(@PathParam("provider") String provider, ProviderToken body) {
    IdentityProvider idp = provider(provider);
    ProviderToken token = bodies.valid(body);
    if (token.accessToken() != null && idp != IdentityProvider.FACEBOOK) {
      throw InvalidInputException.of(
          "accessToken", "Only Facebook sign-in takes an access token; send the ID token.");
    }
    return signIn.signIn(
        idp,
        token.idToken(),
        token.accessToken(),
        token.nonce(),
        new Details(token.birthDate(), token.name(), token.password()),
        clientAddress.caller(request));
  }

  @GET
  @Path("authorize")
  @Operation(
      operationId = "authorizeWithProvider",
      summary = "Start a browser's sign-in: redirects to the provider (PKCE S256, state, nonce)")
  @APIResponse(
      responseCode = "303",
      description = "To the provider's sign-in page",
      headers =
          @Header(
              name = "Location",
              description = "Where the browser goes next",
              schema = @Schema(type = SchemaType.STRING, format = "uri")))
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "429", ref = "TooManyRequests")
  @Public
  @SecurityRequirements
  public Response authorize(
      @PathParam("provider") String provider, @QueryParam("birthDate") String birthDate) {
    IdentityProvider idp = provider(provider);
    ProviderSignIn.Authorization flow =
        signIn.authorize(
            idp, callbackUri(idp), birthDate(birthDate), clientAddress.caller(request));
    return Response.seeOther(flow.url())
        .cookie(SessionCookies.hostCookie(FLOW_COOKIE, flow.state(), Duration.ofMinutes(10)))
        .build();
  }

  @GET
  @Path("callback")
  @Operation(
      operationId = "providerCallback",
      summary =
          "Where the provider sends the browser back: signs it in with the session cookie and redirects home")
  @APIResponse(
      responseCode = "303",
      description = "Signed in (the session cookie is set): to the website",
      headers =
          @Header(
              name = "Location",
              description = "Where the browser goes next",
              schema = @Schema(type = SchemaType.STRING, format = "uri")))
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "429", ref = "TooManyRequests")
  @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
  @Public
  @SecurityRequirements
  public Response callback(
      @PathParam("provider") String provider,
      @QueryParam("state") String state,
      @QueryParam("code") String code,
      @QueryParam("error") String error,
      @CookieParam(FLOW_COOKIE) String boundState) {
    IdentityProvider idp = provider(provider);
    if (error != null) {
      throw new BusinessException(
          ProblemType.UNAUTHORIZED, idp.displayName() + " did not sign you in.");
    }
    if (state == null
        || code == null
        || code.length() > TOKEN_MAX
        || boundState == null
        || !MessageDigest.isEqual(
            state.getBytes(StandardCharsets.UTF_8), boundState.getBytes(StandardCharsets.UTF_8))) {
      throw InvalidInputException.of(
          "state", "This sign-in was not started in this browser; start again.");
    }
    WebSignIn session = signIn.callback(idp, state, code, clientAddress.caller(request));
    return Response.seeOther(URI.create(publicUrl + "/"))
        .cookie(
            SessionCookies.sessionCookie(
                session.sessionToken(), Duration.ofSeconds(session.expiresIn())),
            SessionCookies.hostCookie(FLOW_COOKIE, "", Duration.ZERO))
        .build();
  }

  private String callbackUri(IdentityProvider provider) {
    return publicUrl + "/api/v1/auth/providers/" + provider.configKey() + "/callback";
  }

  /** The provider of a path, by its lower-case name; others are not found. */
  static IdentityProvider provider(String name) {
    return Arrays.stream(IdentityProvider.values())
        .filter(p -> p.configKey().equals(name))
        .findFirst()
        .orElseThrow(() -> BusinessException.notFound("This sign-in provider"));
  }

  private static LocalDate birthDate(String value) {
    try {
      return value == null || value.isBlank() ? null : LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw InvalidInputException.of("birthDate", "Use the form YYYY-MM-DD.");
    }
  }
}
