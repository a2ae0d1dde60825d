package app.dating.identity.boundary;

import app.dating.api.http.ClientAddress;
import app.dating.api.problem.RequestBodies;
import app.dating.identity.control.AccessTokens;
import app.dating.identity.entity.Account;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Sign-up and password sign-in; the keys that verify access tokens. */
@Path("auth")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {
  /** Passwords longer than this are refused before hashing (NIST allows capping; 128 is the policy's). */
  static final int PASSWORD_MAX = 128;

  @Inject Accounts accounts;
  @Inject Sessions sessions;
  @Inject JsonWebToken token;
  @Inject AccessTokens tokens;
  @Inject RequestBodies bodies;
  @Inject ClientAddress clientAddress;
  @Context HttpServletRequest request;
  @Context UriInfo uri;

  /** Body of a sign-up. Explicit constructor: see {@code RequestBodies}. */
  public record SignUp(
      @NotBlank @Email @Size(max = Account.EMAIL_MAX) String email,
      @NotNull @Size(max = PASSWORD_MAX) String password,
      @NotBlank @Size(max = Account.DISPLAY_NAME_MAX) String displayName,
      @NotNull LocalDate birthDate) {
    public SignUp(String email, String password, String displayName, LocalDate birthDate) {
      this.email = email;
      this.password = password;
      this.displayName = displayName;
      this.birthDate = birthDate;
    }
  }

  /** Body of a password sign-in. */
  public record SignIn(@NotBlank @Size(max = Account.EMAIL_MAX) String email, @NotNull @Size(max = PASSWORD_MAX) String password) {
    public SignIn(String email, String password) {
      this.email = email;
      this.password = password;
    }
  }

  @POST
  @Path("register")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Open an account (adults only)")
  public Response register(SignUp body) {
    SignUp signUp = bodies.valid(body);
    AccountView account =
        accounts.register(
            new Registration(signUp.email(), signUp.password(), signUp.displayName(), signUp.birthDate()), caller());
    return Response.created(uri.getBaseUriBuilder().path(MeResource.class).build()).entity(account).build();
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
  @Operation(summary = "Sign in with email and password; returns an access token and a refresh token")
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
  @Operation(summary = "Confirm the email address with the token from the verification mail")
  public Response verifyEmail(Verification body) {
    accounts.verifyEmail(bodies.valid(body).token(), caller());
    return Response.noContent().build();
  }

  @POST
  @Path("refresh")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Trade a refresh token (once) for a new access token and refresh token")
  public TokenPair refresh(Refresh body) {
    return sessions.refresh(bodies.valid(body).refreshToken(), caller());
  }

  @POST
  @Path("logout")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "End the session of this refresh token")
  public Response logout(Refresh body) {
    sessions.logout(bodies.valid(body).refreshToken(), caller());
    return Response.noContent().build();
  }

  @POST
  @Path("logout-everywhere")
  @RolesAllowed("USER")
  @Operation(summary = "End every session of the signed-in account")
  public Response logoutEverywhere() {
    sessions.logoutEverywhere(UUID.fromString(token.getSubject()), caller());
    return Response.noContent().build();
  }

  @GET
  @Path("jwks")
  @Operation(summary = "The public keys that verify access tokens (JWKS)")
  public Map<String, Object> jwks() {
    return tokens.jwks();
  }

  private Caller caller() {
    return clientAddress.caller(request);
  }
}
