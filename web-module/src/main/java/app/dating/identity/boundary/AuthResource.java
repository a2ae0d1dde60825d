package app.dating.identity.boundary;

import app.dating.api.http.ClientAddress;
import app.dating.api.http.Public;
import app.dating.api.http.Roles;
import app.dating.api.problem.RequestBodies;
import app.dating.identity.control.SessionCookies;
import app.dating.identity.control.SignedIn;
import app.dating.identity.entity.Account;
import app.dating.shared.problem.BusinessException;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Sign-up, sign-in for apps (tokens) and browsers (session cookie), password reset; the keys that
 * verify access tokens.
 */
@Tag(name = "identity")
@Path("auth")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {
  /**
   * Passwords longer than this are refused before hashing (NIST allows capping; 128 is the
   * policy's).
   */
  static final int PASSWORD_MAX = 128;

  @Inject Accounts accounts;
  @Inject Sessions sessions;
  @Inject AccessTokenChecks tokens;
  @Inject RequestBodies bodies;
  @Inject ClientAddress clientAddress;
  @Context HttpServletRequest request;
  @Context UriInfo uri;
  @Context SecurityContext security;

  /** Body of a sign-up. */
  public record SignUp(
      @NotBlank @Email @Size(max = Account.EMAIL_MAX) String email,
      @NotNull @Size(max = PASSWORD_MAX) String password,
      @NotBlank @Size(max = Account.DISPLAY_NAME_MAX) String displayName,
      @NotNull LocalDate birthDate) {}

  /** Body of a password sign-in. */
  public record SignIn(
      @NotBlank @Size(max = Account.EMAIL_MAX) String email,
      @NotNull @Size(max = PASSWORD_MAX) String password) {
    public SignIn(String email, String password) {
      this.email = email;
      this.password = password;
    }
  }

  @POST
  @Path("register")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "register",
      summary =
          "Open an account (adults only); a taken address gets the same answer, and its owner a mail")
  @APIResponse(
      responseCode = "201",
      description =
          "The account, unverified: a verification mail follows (for a taken address, the same"
              + " answer, no account, and a notice to the address's owner)",
      headers =
          @Header(
              name = "Location",
              description = "The new resource",
              schema = @Schema(type = SchemaType.STRING, format = "uri")),
      content = @Content(schema = @Schema(implementation = AccountView.class)))
  @APIResponse(responseCode = "429", ref = "TooManyRequests")
  @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
  @Public
  @SecurityRequirements
  public Response register(SignUp body) {
    SignUp signUp = bodies.valid(body);
    AccountView account =
        accounts.register(
            new Registration(
                signUp.email(), signUp.password(), signUp.displayName(), signUp.birthDate()),
            caller());
    return Response.created(uri.getBaseUriBuilder().path(MeResource.class).build())
        .entity(account)
        .build();
  }

  /** Body of a refresh or a logout. */
  public record Refresh(@NotBlank @Size(max = 100) String refreshToken) {
    public Refresh(String refreshToken) {
      this.refreshToken = refreshToken;
    }
  }

  @POST
  @Path("login")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "login",
      summary = "Sign in with email and password; returns an access token and a refresh token")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "429", ref = "TooManyRequests")
  @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
  @Public
  @SecurityRequirements
  @APIResponseSchema(
      value = TokenPair.class,
      responseDescription = "Signed in: an access token and a refresh token")
  public TokenPair login(SignIn body) {
    SignIn signIn = bodies.valid(body);
    return accounts.login(signIn.email(), signIn.password(), caller());
  }

  /** Body of an email verification: the token from the link in the mail. */
  public record Verification(@NotBlank @Size(max = 100) String token) {
    public Verification(String token) {
      this.token = token;
    }
  }

  @POST
  @Path("verify-email")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "verifyEmail",
      summary =
          "Confirm the email address with the token from the verification mail (the first"
              + " confirmation ends every session and provider link made before it)")
  @APIResponse(responseCode = "204", description = "The address is verified")
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "429", ref = "TooManyRequests")
  @Public
  @SecurityRequirements
  public Response verifyEmail(Verification body) {
    accounts.verifyEmail(bodies.valid(body).token(), caller());
    return Response.noContent().build();
  }

  @POST
  @Path("refresh")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "refresh",
      summary = "Trade a refresh token (once) for a new access token and refresh token")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "429", ref = "TooManyRequests")
  @Public
  @SecurityRequirements
  @APIResponseSchema(
      value = TokenPair.class,
      responseDescription = "A new access token and refresh token")
  public TokenPair refresh(Refresh body) {
    return sessions.refresh(bodies.valid(body).refreshToken(), caller());
  }

  @POST
  @Path("logout")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(operationId = "logout", summary = "End the session of this refresh token")
  @APIResponse(responseCode = "204", description = "The session has ended")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @Public
  @SecurityRequirements
  public Response logout(Refresh body) {
    sessions.logout(bodies.valid(body).refreshToken(), caller());
    return Response.noContent().build();
  }

  @POST
  @Path("logout-everywhere")
  @Roles("USER")
  @Operation(
      operationId = "logoutEverywhere",
      summary = "End every session of the signed-in account")
  @APIResponse(responseCode = "204", description = "Every session of the account has ended")
  @SecurityRequirement(name = "bearer")
  @SecurityRequirementsSet({
    @SecurityRequirement(name = "session"),
    @SecurityRequirement(name = "csrf")
  })
  public Response logoutEverywhere() {
    sessions.logoutEverywhere(SignedIn.of(security).accountId(), caller());
    return Response.noContent().build();
  }

  @POST
  @Path("session")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "signInBrowser",
      summary =
          "Sign a browser in with email and password: sets the session cookie, returns the CSRF token")
  @APIResponse(
      responseCode = "200",
      description = "Signed in: the cookie is set; keep the CSRF token",
      headers =
          @Header(
              name = "Set-Cookie",
              description = "The session cookie (HttpOnly, Secure, SameSite=Lax)",
              schema = @Schema(type = SchemaType.STRING)),
      content = @Content(schema = @Schema(implementation = BrowserSession.class)))
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "429", ref = "TooManyRequests")
  @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
  @Public
  @SecurityRequirements
  public Response webLogin(SignIn body) {
    SignIn signIn = bodies.valid(body);
    WebSignIn session = accounts.webLogin(signIn.email(), signIn.password(), caller());
    return Response.ok(new BrowserSession(session.csrfToken(), session.account()))
        .cookie(
            SessionCookies.sessionCookie(
                session.sessionToken(), Duration.ofSeconds(session.expiresIn())))
        .build();
  }

  /** What a browser learns of its session: the CSRF token to send back, and whose session it is. */
  public record BrowserSession(String csrfToken, AccountView account) {}

  @GET
  @Path("session")
  @Roles("USER")
  @Operation(
      operationId = "getBrowserSession",
      summary =
          "The browser session of the cookie: its CSRF token (after a page reload) and the account")
  @APIResponse(
      responseCode = "200",
      description = "The session of the cookie",
      content = @Content(schema = @Schema(implementation = BrowserSession.class)))
  @APIResponse(responseCode = "404", ref = "NotFound")
  @SecurityRequirement(name = "bearer")
  @SecurityRequirementsSet({
    @SecurityRequirement(name = "session"),
    @SecurityRequirement(name = "csrf")
  })
  public Response webSession() {
    SignedIn signedIn = SignedIn.of(security);
    if (!(security.getUserPrincipal() instanceof SessionCookies.CookiePrincipal cookie)) {
      throw BusinessException.notFound("Browser session");
    }
    return Response.ok(
            new BrowserSession(cookie.session().csrfToken(), accounts.get(signedIn.accountId())))
        .build();
  }

  @DELETE
  @Path("session")
  @Operation(
      operationId = "signOutBrowser",
      summary =
          "Sign the browser out: ends the session and clears the cookie (needs the CSRF token)")
  @APIResponse(responseCode = "204", description = "Signed out; the cookie is cleared")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @Public
  @SecurityRequirements
  public Response webLogout() {
    if (security.getUserPrincipal() instanceof SessionCookies.CookiePrincipal) {
      sessions.logoutWeb(SignedIn.of(security).sessionId(), caller());
    }
    return Response.noContent().cookie(SessionCookies.expiredCookie()).build();
  }

  /** Body of a password-reset request. */
  public record ResetRequest(@NotBlank @Email @Size(max = Account.EMAIL_MAX) String email) {
    public ResetRequest(String email) {
      this.email = email;
    }
  }

  @POST
  @Path("password-reset")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "requestPasswordReset",
      summary =
          "Mail a password-reset link (the answer is the same whether the address is known or not)")
  @APIResponse(
      responseCode = "202",
      description = "A link is mailed if the address belongs to an account")
  @APIResponse(responseCode = "429", ref = "TooManyRequests")
  @Public
  @SecurityRequirements
  public Response requestPasswordReset(ResetRequest body) {
    accounts.requestPasswordReset(bodies.valid(body).email(), caller());
    return Response.accepted().build();
  }

  /** Body of a password reset: the token from the mailed link and the new password. */
  public record Reset(
      @NotBlank @Size(max = 100) String token,
      @NotNull @Size(max = PASSWORD_MAX) String newPassword) {
    public Reset(String token, String newPassword) {
      this.token = token;
      this.newPassword = newPassword;
    }
  }

  @POST
  @Path("password-reset/confirm")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "resetPassword",
      summary = "Set a new password with the token from the reset mail; ends every session")
  @APIResponse(
      responseCode = "204",
      description = "The password is set; every session and every other mailed link has ended")
  @APIResponse(responseCode = "429", ref = "TooManyRequests")
  @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
  @Public
  @SecurityRequirements
  public Response resetPassword(Reset body) {
    Reset reset = bodies.valid(body);
    accounts.resetPassword(reset.token(), reset.newPassword(), caller());
    return Response.noContent().build();
  }

  @GET
  @Path("jwks")
  @Operation(operationId = "getJwks", summary = "The public keys that verify access tokens (JWKS)")
  @APIResponse(
      responseCode = "200",
      description = "The JSON Web Key Set",
      content = @Content(schema = @Schema(implementation = JsonWebKeySet.class)))
  @Public
  @SecurityRequirements
  public Map<String, Object> jwks() {
    return tokens.jwks();
  }

  /** The keys that verify access tokens (RFC 7517), as {@link #jwks()} answers. */
  @Schema(name = "JsonWebKeySet")
  public record JsonWebKeySet(@Schema(required = true) List<JsonWebKey> keys) {}

  /** One public RSA key. */
  @Schema(name = "JsonWebKey")
  public record JsonWebKey(
      @Schema(required = true, enumeration = "RSA") String kty,
      @Schema(required = true, description = "Named by the access token's header") String kid,
      String use,
      String alg,
      @Schema(required = true, description = "Modulus, base64url") String n,
      @Schema(required = true, description = "Exponent, base64url") String e) {}

  private Caller caller() {
    return clientAddress.caller(request);
  }
}
