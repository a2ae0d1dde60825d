package app.dating.identity.control;

import app.dating.identity.boundary.Caller;
import app.dating.identity.entity.Account;
import app.dating.identity.entity.AuditEvent.Action;
import app.dating.identity.entity.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The first administrator comes from configuration ({@code accounts.first-admin-email}): that
 * account becomes ADMIN once a link mailed to the address proved it (at the proof, or at a later
 * sign-in). An address an identity provider vouches for is not enough: whoever controls that
 * provider account (or a provider that verifies carelessly) would become admin. Operators may also
 * grant ADMIN with {@code platform grant-admin <email>}; later admins are appointed by admins
 * through the API.
 */
@ApplicationScoped
public class FirstAdmin {
  @Inject
  @ConfigProperty(name = "accounts.first-admin-email")
  Optional<String> email;

  @Inject AuditLog audit;
  @Inject Clock clock;

  public void promoteIfDue(Account account, Caller caller) {
    boolean due =
        email
            .map(String::strip)
            .filter(e -> !e.isEmpty())
            .map(Account::normalizeEmail)
            .filter(
                e ->
                    e.equals(account.email())
                        && account.emailProvenByMailedLink()
                        && account.status() == Account.Status.ACTIVE
                        && !account.roles().contains(Role.ADMIN))
            .isPresent();
    if (due) {
      EnumSet<Role> roles = EnumSet.copyOf(account.roles());
      roles.add(Role.ADMIN);
      account.assignRoles(roles, clock.instant());
      audit.record(
          Action.ROLE_CHANGE,
          true,
          account.id(),
          null,
          caller,
          "ADMIN granted: first admin from configuration, address proven by a mailed link");
    }
  }
}
