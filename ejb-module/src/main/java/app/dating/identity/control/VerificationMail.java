package app.dating.identity.control;

import app.dating.identity.entity.Account;
import app.dating.identity.entity.EmailVerification;
import app.dating.jobs.control.JobHandler;
import app.dating.jobs.entity.JobType;
import app.dating.notifications.control.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The background job that mails an account its verification link. The token is made here, in the
 * job's transaction, so it exists only if the mail went out, and no plain token is ever stored.
 */
@ApplicationScoped
public class VerificationMail implements JobHandler {
  static final Duration VALIDITY = Duration.ofHours(24);

  @PersistenceContext EntityManager em;
  @Inject Mailer mailer;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "app.public-url", defaultValue = "http://localhost:8080")
  String publicUrl;

  public static String payload(UUID accountId) {
    return Json.createObjectBuilder().add("accountId", accountId.toString()).build().toString();
  }

  @Override
  public JobType type() {
    return JobType.EMAIL_VERIFICATION;
  }

  @Override
  public void handle(String payload) {
    UUID accountId = UUID.fromString(Json.createReader(new StringReader(payload)).readObject().getString("accountId"));
    Account account = em.find(Account.class, accountId);
    if (account == null || account.emailVerified() || account.status() != Account.Status.ACTIVE) {
      return;
    }
    Instant now = clock.instant();
    String token = SecretTokens.newToken();
    em.persist(new EmailVerification(SecretTokens.hash(token), accountId, account.email(), now, now.plus(VALIDITY)));
    mailer.send(
        account.email(),
        "Confirm your email address",
        "Hello " + account.displayName() + ",\n\n"
            + "please confirm your email address by opening this link within 24 hours:\n\n"
            + publicUrl + "/verify-email?token=" + token + "\n\n"
            + "If you did not sign up, ignore this message.\n");
  }
}
