package app.dating.admin.boundary;

import app.dating.api.http.ClientAddress;
import app.dating.api.http.Roles;
import app.dating.api.problem.RequestBodies;
import app.dating.identity.boundary.AccountAdministration;
import app.dating.identity.boundary.AccountView;
import app.dating.identity.control.SignedIn;
import app.dating.identity.entity.Role;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Staff's view of accounts: moderators and admins look accounts up; admins assign roles. */
@Tag(name = "admin")
@SecurityRequirement(name = "bearer")
@SecurityRequirementsSet({
  @SecurityRequirement(name = "session"),
  @SecurityRequirement(name = "csrf")
})
@Path("admin/accounts/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class AdminAccountsResource {
  @Inject AccountAdministration administration;
  @Inject RequestBodies bodies;
  @Inject ClientAddress clientAddress;
  @Context HttpServletRequest request;
  @Context SecurityContext security;

  /** Body of a role assignment: the complete set of roles the account should hold. */
  public record RoleAssignment(@NotNull @Size(max = 3) Set<@NotNull Role> roles) {}

  @GET
  @Roles({"MODERATOR", "ADMIN"})
  @Operation(operationId = "getAccountAsStaff", summary = "An account, as staff see it")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponseSchema(value = AccountView.class, responseDescription = "The account")
  public AccountView get(@PathParam("id") UUID id) {
    return administration.get(SignedIn.of(security).accountId(), id);
  }

  @PUT
  @Path("roles")
  @Roles("ADMIN")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "assignRoles",
      summary =
          "Replace an account's roles (USER always stays); audited; the account's access tokens end")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponseSchema(
      value = AccountView.class,
      responseDescription = "The account with its new roles")
  public AccountView assignRoles(@PathParam("id") UUID id, RoleAssignment body) {
    return administration.assignRoles(
        SignedIn.of(security).accountId(),
        id,
        bodies.valid(body).roles(),
        clientAddress.caller(request));
  }
}
