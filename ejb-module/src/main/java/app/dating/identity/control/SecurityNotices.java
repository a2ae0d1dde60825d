package app.dating.identity.control;

import app.dating.identity.entity.Account;
import app.dating.identity.entity.IdentityProvider;
import app.dating.jobs.boundary.Jobs;
import app.dating.jobs.control.JobHandler;
import app.dating.jobs.entity.JobType;
import app.dating.notifications.control.Mailer;
import app.dating.shared.json.JsonP;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Mails an account's owner what changed about the ways into their account: a provider linked or
 * unlinked, an account opened with their address through a provider, provider sign-ins removed when
 * the address was first proven, someone registering their address again. Queued in the transaction
 * of the change (a background job), so a change that rolls back mails nothing, and sent to the
 * account's address as it is when the job runs. Plain text (a later issue moves mail onto
 * templates).
 */
@ApplicationScoped
public class SecurityNotices implements JobHandler {
  /** What a notice is about. */
  enum Kind {
    PROVIDER_LINKED,
    PROVIDER_UNLINKED,
    OPENED_WITH_PROVIDER,
    PROVIDERS_REMOVED,
    REGISTRATION_ATTEMPT
  }

  @PersistenceContext EntityManager em;
  @Inject Jobs jobs;
  @Inject Mailer mailer;

  @Inject
  @ConfigProperty(name = "app.public-url", defaultValue = "http://localhost:8080")
  String publicUrl;

  public void providerLinked(UUID accountId, IdentityProvider provider) {
    submit(accountId, Kind.PROVIDER_LINKED, provider.displayName());
  }

  public void providerUnlinked(UUID accountId, IdentityProvider provider) {
    submit(accountId, Kind.PROVIDER_UNLINKED, provider.displayName());
  }

  public void openedWithProvider(UUID accountId, IdentityProvider provider) {
    submit(accountId, Kind.OPENED_WITH_PROVIDER, provider.displayName());
  }

  public void providersRemoved(UUID accountId, Collection<IdentityProvider> providers) {
    submit(
        accountId,
        Kind.PROVIDERS_REMOVED,
        providers.stream().map(IdentityProvider::displayName).collect(Collectors.joining(", ")));
  }

  public void registrationAttempt(UUID accountId) {
    submit(accountId, Kind.REGISTRATION_ATTEMPT, "");
  }

  private void submit(UUID accountId, Kind kind, String provider) {
    jobs.submit(
        JobType.SECURITY_NOTICE,
        JsonP.object()
            .add("accountId", accountId.toString())
            .add("kind", kind.name())
            .add("provider", provider)
            .build()
            .toString());
  }

  @Override
  public JobType type() {
    return JobType.SECURITY_NOTICE;
  }

  @Override
  public void handle(String payload) {
    JsonObject job = MailedLinks.read(payload);
    Account account = em.find(Account.class, UUID.fromString(job.getString("accountId")));
    if (account == null || account.status() != Account.Status.ACTIVE) {
      return;
    }
    String provider = job.getString("provider", "");
    String reset = publicUrl + "/reset-password";
    String hello = "Hello " + account.displayName() + ",\n\n";
    switch (Kind.valueOf(job.getString("kind"))) {
      case PROVIDER_LINKED ->
          mailer.send(
              account.email(),
              provider + " sign-in was linked to your account",
              hello
                  + "sign-in with "
                  + provider
                  + " was linked to your account: that "
                  + provider
                  + " account can now sign in to yours.\n\n"
                  + "If this was not you, reset your password at "
                  + reset
                  + " (it ends every session) and unlink "
                  + provider
                  + " in your settings.\n");
      case PROVIDER_UNLINKED ->
          mailer.send(
              account.email(),
              provider + " sign-in was unlinked from your account",
              hello
                  + "sign-in with "
                  + provider
                  + " was unlinked from your account: it no longer signs in to it.\n\n"
                  + "If this was not you, reset your password at "
                  + reset
                  + " (it ends every session).\n");
      case OPENED_WITH_PROVIDER ->
          mailer.send(
              account.email(),
              "An account was opened with your address through " + provider,
              hello
                  + "an account with this address was opened by signing in with "
                  + provider
                  + ".\n\n"
                  + "If this was not you, someone else used your address: choose a password at "
                  + reset
                  + ". That makes the account yours and ends every way into it it had.\n");
      case PROVIDERS_REMOVED ->
          mailer.send(
              account.email(),
              "Sign-in with " + provider + " was removed from your account",
              hello
                  + "your email address was confirmed for the first time. Sign-in with "
                  + provider
                  + ", linked before that, was removed, and every session ended: someone else may"
                  + " have opened the account with your address.\n\n"
                  + "If the link was yours, sign in and link it again in your settings.\n");
      case REGISTRATION_ATTEMPT ->
          mailer.send(
              account.email(),
              "Someone tried to open an account with your address",
              hello
                  + "someone tried to open a new account with this email address. It has one"
                  + " already, so nothing was opened or changed.\n\n"
                  + "If it was you, sign in; if you forgot your password, choose a new one at "
                  + reset
                  + ".\nIf you never opened an account with us, someone else did with your"
                  + " address: choosing a password there makes it yours and ends every way into"
                  + " it it had.\n");
    }
  }
}
