package app.dating.identity.boundary;

import app.dating.api.http.ClientAddress;
import app.dating.api.http.Roles;
import app.dating.api.problem.RequestBodies;
import app.dating.identity.control.SignedIn;
import app.dating.identity.entity.Account;
import app.dating.identity.entity.IdentityProvider;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The signed-in person's own account. Whose it is comes from the token, never from the request. */
@Tag(name = "identity")
@SecurityRequirement(name = "bearer")
@SecurityRequirementsSet({
  @SecurityRequirement(name = "session"),
  @SecurityRequirement(name = "csrf")
})
@Path("me")
@Produces(MediaType.APPLICATION_JSON)
@Roles("USER")
public class MeResource {
  @Inject Accounts accounts;
  @Inject ProviderSignIn providers;

  @Inject RequestBodies bodies;
  @Inject ClientAddress clientAddress;
  @Context HttpServletRequest request;
  @Context SecurityContext security;

  /** Body of a password change. */
  public record PasswordChange(
      @NotNull @Size(max = AuthResource.PASSWORD_MAX) String currentPassword,
      @NotNull @Size(max = AuthResource.PASSWORD_MAX) String newPassword) {}

  @GET
  @Operation(operationId = "getMe", summary = "Your account")
  public AccountView me() {
    return accounts.get(subject());
  }

  @POST
  @Path("password")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "changePassword",
      summary = "Change your password (the current one is required); ends your other sessions")
  @APIResponse(responseCode = "204", description = "Changed; your other sessions have ended")
  @APIResponse(responseCode = "429", ref = "TooManyRequests")
  @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
  public Response changePassword(PasswordChange body) {
    PasswordChange change = bodies.valid(body);
    accounts.changePassword(
        subject(), change.currentPassword(), change.newPassword(), session(), caller());
    return Response.noContent().build();
  }

  /** Body of an account deletion. */
  public record Deletion(@NotNull @Size(max = AuthResource.PASSWORD_MAX) String currentPassword) {
    public Deletion(String currentPassword) {
      this.currentPassword = currentPassword;
    }
  }

  @DELETE
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "deleteMe",
      summary =
          "Delete your account (the current password is required); personal data is erased after a grace period")
  @APIResponse(
      responseCode = "204",
      description = "The account is deleted; its data is erased after the grace period")
  @APIResponse(responseCode = "429", ref = "TooManyRequests")
  @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
  public Response delete(Deletion body) {
    accounts.delete(subject(), bodies.valid(body).currentPassword(), session(), caller());
    return Response.noContent().build();
  }

  /** Body of an email change. */
  public record EmailChange(
      @NotBlank @Email @Size(max = Account.EMAIL_MAX) String newEmail,
      @NotNull @Size(max = AuthResource.PASSWORD_MAX) String currentPassword) {
    public EmailChange(String newEmail, String currentPassword) {
      this.newEmail = newEmail;
      this.currentPassword = currentPassword;
    }
  }

  @POST
  @Path("email")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "changeEmail",
      summary =
          "Change your email address (the current password is required): the new one takes effect once its mailed link is followed")
  @APIResponse(responseCode = "202", description = "A link is mailed to the new address")
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "429", ref = "TooManyRequests")
  @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
  public Response changeEmail(EmailChange body) {
    EmailChange change = bodies.valid(body);
    accounts.requestEmailChange(
        subject(), change.newEmail(), change.currentPassword(), session(), caller());
    return Response.accepted().build();
  }

  /**
   * Body of a link: the provider's ID token, carrying a nonce from {@code POST
   * /auth/providers/{provider}/nonce} (or a classic Facebook access token), and the current
   * password (accounts without one instead need a sign-in of the last 10 minutes).
   */
  public record ProviderProof(
      @Size(max = ProvidersResource.TOKEN_MAX) String idToken,
      @Size(max = ProvidersResource.TOKEN_MAX) String accessToken,
      @Schema(
              description =
                  "The issued nonce, when the ID token carries its SHA-256 (hex) instead, as Sign"
                      + " in with Apple apps do")
          @Size(max = 200)
          String nonce,
      @Size(max = AuthResource.PASSWORD_MAX) String currentPassword) {

    @AssertTrue(message = "send either idToken or accessToken")
    boolean isOneToken() {
      return (idToken == null) != (accessToken == null);
    }
  }

  @GET
  @Path("identities")
  @Operation(
      operationId = "listIdentities",
      summary = "The providers (Google, Apple, Facebook) you can sign in with")
  public List<ProviderSignIn.LinkedIdentity> identities() {
    return providers.identities(subject());
  }

  @POST
  @Path("identities/{provider}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "linkIdentity",
      summary =
          "Link a provider to your account (a confirmed address and your current password are"
              + " needed), with its ID token; you are mailed")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "429", ref = "TooManyRequests")
  @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
  @APIResponse(
      responseCode = "200",
      description = "Linked: the providers you can sign in with now",
      content =
          @Content(
              schema =
                  @Schema(
                      type = SchemaType.ARRAY,
                      implementation = ProviderSignIn.LinkedIdentity.class)))
  public List<ProviderSignIn.LinkedIdentity> link(
      @PathParam("provider") String provider, ProviderProof body) {
    IdentityProvider idp = ProvidersResource.provider(provider);
    ProviderProof proof = bodies.valid(body);
    return providers.link(
        subject(),
        session(),
        idp,
        proof.idToken(),
        proof.accessToken(),
        proof.nonce(),
        proof.currentPassword(),
        caller());
  }

  @DELETE
  @Path("identities/{provider}")
  @Operation(
      operationId = "unlinkIdentity",
      summary = "Unlink a provider (refused when it is your only way to sign in); you are mailed")
  @APIResponse(responseCode = "204", description = "Unlinked")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  public Response unlink(@PathParam("provider") String provider) {
    providers.unlink(subject(), ProvidersResource.provider(provider), caller());
    return Response.noContent().build();
  }

  private UUID subject() {
    return SignedIn.of(security).accountId();
  }

  private UUID session() {
    return SignedIn.of(security).sessionId();
  }

  private Caller caller() {
    return clientAddress.caller(request);
  }
}
