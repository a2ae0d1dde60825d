package app.dating.identity.control;

import app.dating.identity.entity.Account;
import app.dating.identity.entity.OneTimeToken.Purpose;
import app.dating.jobs.control.JobHandler;
import app.dating.jobs.entity.JobType;
import app.dating.notifications.control.Mailer;
import app.dating.shared.json.JsonP;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.UUID;

/**
 * The background job that mails a verification link: to a new account's address, or to the new
 * address of an email change (the account keeps its old one until the link is followed). When the
 * new address belongs to another account, that address gets a notice instead of a link, so the
 * person asking learns nothing about who is registered.
 */
@ApplicationScoped
public class VerificationMail implements JobHandler {
  static final Duration VALIDITY = Duration.ofHours(24);

  @PersistenceContext EntityManager em;
  @Inject Mailer mailer;
  @Inject MailedLinks links;

  /** Verification of the account's current address. */
  public static String payload(UUID accountId) {
    return JsonP.object().add("accountId", accountId.toString()).build().toString();
  }

  /** Verification of a new address the account wants to change to. */
  public static String payload(UUID accountId, String newEmail) {
    return JsonP.object()
        .add("accountId", accountId.toString())
        .add("email", newEmail)
        .build()
        .toString();
  }

  @Override
  public JobType type() {
    return JobType.EMAIL_VERIFICATION;
  }

  @Override
  public void handle(String payload) {
    JsonObject job = MailedLinks.read(payload);
    Account account = em.find(Account.class, UUID.fromString(job.getString("accountId")));
    if (account == null || account.status() != Account.Status.ACTIVE) {
      return;
    }
    String email = job.getString("email", account.email());
    boolean change = !email.equals(account.email());
    if (!change && account.emailVerified()) {
      return;
    }
    boolean taken =
        change
            && em.createNamedQuery(Account.BY_EMAIL, Account.class)
                .setParameter("email", email)
                .getResultStream()
                .anyMatch(holder -> !holder.holdsOnlyAnUnprovenClaim()); // an unproven claim yields
    if (taken) {
      mailer.send(
          email,
          "Someone tried to use your email address",
          "Hello,\n\nsomeone asked to move another account to this email address. It already belongs to an account,"
              + " so nothing was changed.\nIf it was you, sign in with this address instead.\n");
      return;
    }
    String link = links.issue(Purpose.VERIFY_EMAIL, account.id(), email, VALIDITY, "verify-email");
    mailer.send(
        email,
        "Confirm your email address",
        "Hello "
            + account.displayName()
            + ",\n\n"
            + "please confirm "
            + (change ? "your new" : "your")
            + " email address by opening this link within 24 hours:\n\n"
            + link
            + "\n\n"
            + (change ? "Until then you sign in with your old address.\n" : "")
            + "If you did not ask for this, ignore this message.\n");
  }
}
