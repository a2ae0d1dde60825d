package app.dating.identity.boundary;

import app.dating.identity.control.AuditLog;
import app.dating.identity.control.Revocations;
import app.dating.identity.entity.Account;
import app.dating.identity.entity.AuditEvent.Action;
import app.dating.identity.entity.Role;
import app.dating.shared.problem.BusinessException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What staff do to accounts. The acting account's roles are read from the database on every call,
 * so a demoted admin loses power at once, however the call was authenticated (access token or
 * browser session).
 */
@Stateless
public class AccountAdministration {
  @PersistenceContext EntityManager em;
  @Inject Revocations revocations;
  @Inject AuditLog audit;
  @Inject Clock clock;

  /** Staff (moderators and admins) may look an account up. */
  public AccountView get(UUID actorId, UUID accountId) {
    require(actorId, Role.MODERATOR, Role.ADMIN);
    return Optional.ofNullable(em.find(Account.class, accountId)).map(AccountView::of)
        .orElseThrow(() -> BusinessException.notFound("Account"));
  }

  /**
   * Replaces an account's roles (USER always stays). The account's access tokens end, so the next
   * refresh carries the new roles. Admins cannot demote themselves: another admin must.
   */
  public AccountView assignRoles(UUID actorId, UUID accountId, Set<Role> roles, Caller caller) {
    require(actorId, Role.ADMIN);
    Account account = Optional.ofNullable(em.find(Account.class, accountId))
        .filter(a -> a.status() == Account.Status.ACTIVE)
        .orElseThrow(() -> BusinessException.notFound("Account"));
    if (actorId.equals(accountId) && !roles.contains(Role.ADMIN)) {
      throw BusinessException.conflict("You cannot take away your own admin role; another admin must.");
    }
    Set<Role> before = account.roles();
    account.assignRoles(roles, clock.instant());
    if (!before.equals(account.roles())) {
      revocations.endAccount(accountId);
      audit.record(Action.ROLE_CHANGE, true, actorId, null, caller, "account " + accountId + ": " + before + " -> " + account.roles());
    }
    return AccountView.of(account);
  }

  private void require(UUID actorId, Role... anyOf) {
    Set<Role> held = Optional.ofNullable(em.find(Account.class, actorId))
        .filter(a -> a.status() == Account.Status.ACTIVE)
        .map(Account::roles)
        .orElse(EnumSet.noneOf(Role.class));
    if (Set.of(anyOf).stream().noneMatch(held::contains)) {
      throw BusinessException.forbidden("This needs one of the roles " + Set.of(anyOf) + ".");
    }
  }
}
