package app.dating.identity.control;

import app.dating.identity.entity.Account;
import app.dating.identity.entity.AuditEvent.Action;
import app.dating.identity.entity.OneTimeToken;
import app.dating.identity.entity.ExternalLink;
import app.dating.identity.entity.WebSession;
import app.dating.identity.entity.RefreshToken;
import app.dating.identity.boundary.AccountErased;
import app.dating.identity.boundary.Caller;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Erases the personal data of deleted accounts once their grace period ({@code
 * accounts.deletion-grace}) is over: email, name, birth date, password hash, verification and
 * refresh tokens. The account id and the audit events (which hold no email for known accounts)
 * remain. Runs every {@code accounts.erasure-interval} on each instance; erasing is idempotent.
 */
@Singleton
@Startup
public class AccountErasure {
  private static final Logger LOG = Logger.getLogger(AccountErasure.class.getName());
  private static final int BATCH = 500;
  private static final Caller SYSTEM = new Caller(null, "account-erasure");

  @PersistenceContext EntityManager em;
  @Resource TimerService timers;
  @Inject AuditLog audit;
  @Inject Event<AccountErased> erased;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "accounts.deletion-grace", defaultValue = "P30D")
  Duration grace;

  @Inject
  @ConfigProperty(name = "accounts.erasure-interval", defaultValue = "PT1H")
  Duration interval;

  @PostConstruct
  void schedule() {
    timers.createIntervalTimer(interval.toMillis(), interval.toMillis(), new TimerConfig("account-erasure", false));
  }

  @Timeout
  void eraseDue() {
    Instant now = clock.instant();
    List<Account> due =
        em.createNamedQuery(Account.DUE_FOR_ERASURE, Account.class)
            .setParameter("before", now.minus(grace))
            .setMaxResults(BATCH)
            .getResultList();
    for (Account account : due) {
      account.erase(now);
      em.createNamedQuery(RefreshToken.DELETE_OF_ACCOUNT).setParameter("account", account.id()).executeUpdate();
      em.createNamedQuery(ExternalLink.DELETE_OF_ACCOUNT).setParameter("account", account.id()).executeUpdate();
      em.createNamedQuery(WebSession.DELETE_OF_ACCOUNT).setParameter("account", account.id()).executeUpdate();
      em.createNamedQuery(OneTimeToken.DELETE_OF_ACCOUNT).setParameter("account", account.id()).executeUpdate();
      erased.fire(new AccountErased(account.id()));
      audit.record(Action.ACCOUNT_ERASED, true, account.id(), null, SYSTEM, null);
    }
    if (!due.isEmpty()) {
      LOG.info(() -> "Erased the personal data of " + due.size() + " deleted accounts");
    }
  }
}
