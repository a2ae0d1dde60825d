package app.dating.identity.control;

import app.dating.identity.boundary.AccountExport;
import app.dating.identity.boundary.AccountView;
import app.dating.identity.boundary.PersonalDataExport;
import app.dating.identity.boundary.ProviderSignIn;
import app.dating.identity.entity.Account;
import app.dating.identity.entity.AuditEvent;
import app.dating.identity.entity.RefreshToken;
import app.dating.identity.entity.SessionSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;

/**
 * The identity part of a data export: the account, its sessions, security events and sign-in
 * providers.
 */
@ApplicationScoped
public class IdentityExport {
  @PersistenceContext EntityManager em;
  @Inject ProviderSignIn providers;
  @Inject Clock clock;

  void export(@Observes PersonalDataExport export) {
    Account account = em.find(Account.class, export.accountId());
    if (account == null) {
      return;
    }
    export.section(
        "account",
        new AccountExport(
            clock.instant(),
            AccountView.of(account),
            em.createNamedQuery(RefreshToken.FAMILIES_OF_ACCOUNT, SessionSummary.class)
                .setParameter("account", account.id())
                .getResultList(),
            em.createNamedQuery(AuditEvent.OF_ACTOR, AuditEvent.class)
                .setParameter("actor", account.id())
                .getResultStream()
                .map(
                    e ->
                        new AccountExport.Event(
                            e.at(), e.action().name(), e.outcome(), e.ip(), e.userAgent()))
                .toList()));
    export.section("signInProviders", providers.identities(account.id()));
  }
}
