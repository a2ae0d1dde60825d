package app.dating.identity.control;

import app.dating.shared.json.JsonP;
import app.dating.identity.entity.Account;
import app.dating.identity.entity.OneTimeToken.Purpose;
import app.dating.jobs.control.JobHandler;
import app.dating.jobs.entity.JobType;
import app.dating.notifications.control.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.UUID;

/** The background job that mails a password-reset link, valid for 30 minutes and usable once. */
@ApplicationScoped
public class ResetMail implements JobHandler {
  public static final Duration VALIDITY = Duration.ofMinutes(30);

  @PersistenceContext EntityManager em;
  @Inject Mailer mailer;
  @Inject MailedLinks links;

  public static String payload(UUID accountId) {
    return JsonP.object().add("accountId", accountId.toString()).build().toString();
  }

  @Override
  public JobType type() {
    return JobType.PASSWORD_RESET;
  }

  @Override
  public void handle(String payload) {
    Account account = em.find(Account.class, UUID.fromString(MailedLinks.read(payload).getString("accountId")));
    if (account == null || account.status() != Account.Status.ACTIVE) {
      return;
    }
    String link = links.issue(Purpose.RESET_PASSWORD, account.id(), account.email(), VALIDITY, "reset-password");
    mailer.send(
        account.email(),
        "Reset your password",
        "Hello " + account.displayName() + ",\n\n"
            + "to choose a new password, open this link within 30 minutes:\n\n"
            + link + "\n\n"
            + "It works once. Choosing a new password signs you out everywhere.\n"
            + "If you did not ask for this, ignore this message: your password stays as it is.\n");
  }
}
