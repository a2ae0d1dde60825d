package app.dating.identity.boundary;

import app.dating.identity.control.AuditLog;
import app.dating.identity.control.FirstAdmin;
import app.dating.identity.control.MailedLinks;
import app.dating.identity.control.PasswordHasher;
import app.dating.identity.control.PasswordPolicy;
import app.dating.identity.control.ResetMail;
import app.dating.identity.control.VerificationMail;
import app.dating.identity.entity.Account;
import app.dating.identity.entity.AuditEvent.Action;
import app.dating.identity.entity.OneTimeToken;
import app.dating.identity.entity.OneTimeToken.Purpose;
import app.dating.jobs.boundary.Jobs;
import app.dating.jobs.entity.JobType;
import app.dating.ratelimit.boundary.RateLimit;
import app.dating.ratelimit.boundary.RateLimiter;
import app.dating.shared.problem.BusinessException;
import app.dating.shared.problem.InvalidInputException;
import app.dating.shared.problem.ProblemType;
import app.dating.shared.problem.RateLimitedException;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * Accounts and password sign-in. Unknown emails and wrong passwords are answered alike, in about
 * the same time; attempts are throttled per client address and per account (at most about 100 an
 * hour for one account, ASVS V2.2.1) instead of locking anyone out.
 */
@Stateless
public class Accounts {
  static final RateLimit REGISTER_PER_IP = new RateLimit("register-ip", 10, Duration.ofHours(1));
  static final RateLimit LOGIN_PER_IP = new RateLimit("login-ip", 30, Duration.ofMinutes(5));

  /** 10 at once, then one every 36 s: at most about 100 attempts an hour on one account. */
  static final RateLimit LOGIN_PER_ACCOUNT =
      new RateLimit("login-account", 10, Duration.ofMinutes(6));

  static final RateLimit RESET_PER_IP = new RateLimit("reset-ip", 10, Duration.ofHours(1));
  static final RateLimit RESET_PER_ADDRESS = new RateLimit("reset-address", 3, Duration.ofHours(1));
  private static final String BAD_CREDENTIALS = "The email or the password is wrong.";

  @PersistenceContext EntityManager em;
  @Inject PasswordHasher hasher;
  @Inject PasswordPolicy policy;
  @Inject Sessions sessions;
  @Inject Jobs jobs;
  @Inject AuditLog audit;
  @Inject RateLimiter limiter;
  @Inject MailedLinks links;
  @Inject FirstAdmin firstAdmin;
  @Inject Event<AccountDeleted> deleted;
  @Inject Clock clock;

  public AccountView register(Registration registration, Caller caller) {
    limiter.consume(REGISTER_PER_IP, caller.ip());
    String email = Account.normalizeEmail(registration.email());
    if (!Account.isAdult(registration.birthDate(), LocalDate.now(clock.withZone(ZoneOffset.UTC)))) {
      throw InvalidInputException.of(
          "birthDate", "You must be at least " + Account.ADULT_AGE + " years old.");
    }
    policy
        .problem(registration.password(), email, registration.displayName())
        .ifPresent(
            problem -> {
              throw InvalidInputException.of("password", problem);
            });
    if (findByEmail(email).isPresent()) {
      throw BusinessException.conflict("An account with this email exists already.");
    }
    Account account =
        new Account(
            email,
            registration.displayName(),
            registration.birthDate(),
            hasher.hash(registration.password().toCharArray()),
            clock.instant());
    em.persist(account);
    jobs.submit(JobType.EMAIL_VERIFICATION, VerificationMail.payload(account.id()));
    audit.record(Action.REGISTER, true, account.id(), null, caller, null);
    return AccountView.of(account);
  }

  /**
   * Spends a verification token from the mail: the account's address counts as proven, or, when the
   * link was sent to a new address, that address replaces the old one.
   */
  public void verifyEmail(String token, Caller caller) {
    OneTimeToken spent =
        links
            .spend(token, Purpose.VERIFY_EMAIL)
            .orElseThrow(
                () ->
                    InvalidInputException.of(
                        "token", "This link is not valid or has expired; ask for a new one."));
    Account account = active(spent.accountId());
    Instant now = clock.instant();
    if (spent.email().equals(account.email())) {
      account.verifyEmail(now);
      audit.record(Action.EMAIL_VERIFIED, true, account.id(), null, caller, null);
      return;
    }
    if (findByEmail(spent.email()).isPresent()) {
      throw BusinessException.conflict("This email address belongs to another account now.");
    }
    account.changeEmail(spent.email(), now);
    audit.record(Action.EMAIL_CHANGE, true, account.id(), null, caller, null);
  }

  /**
   * Mails a verification link to a new address; the account keeps its address until the link is
   * followed. Needs the current password.
   */
  public void requestEmailChange(
      UUID accountId, String newEmail, String currentPassword, Caller caller) {
    Account account =
        withPassword(accountId, currentPassword, Action.EMAIL_CHANGE_REQUESTED, caller);
    String email = Account.normalizeEmail(newEmail);
    if (email.equals(account.email())) {
      throw InvalidInputException.of("newEmail", "This is your email address already.");
    }
    jobs.submit(JobType.EMAIL_VERIFICATION, VerificationMail.payload(accountId, email));
    audit.record(Action.EMAIL_CHANGE_REQUESTED, true, accountId, null, caller, null);
  }

  /**
   * Mails a reset link when the address belongs to an active account. The caller learns nothing
   * either way: the answer is the same, and both ways are throttled alike.
   */
  public void requestPasswordReset(String email, Caller caller) {
    String normalized = Account.normalizeEmail(email);
    limiter.consume(RESET_PER_IP, caller.ip());
    limiter.consume(RESET_PER_ADDRESS, normalized);
    findByEmail(normalized)
        .filter(account -> account.status() == Account.Status.ACTIVE)
        .ifPresent(
            account -> {
              jobs.submit(JobType.PASSWORD_RESET, ResetMail.payload(account.id()));
              audit.record(Action.PASSWORD_RESET_REQUESTED, true, account.id(), null, caller, null);
            });
  }

  /** Spends a reset token: sets the new password and ends every session and access token. */
  public void resetPassword(String token, String newPassword, Caller caller) {
    limiter.consume(RESET_PER_IP, caller.ip());
    OneTimeToken spent =
        links
            .spend(token, Purpose.RESET_PASSWORD)
            .orElseThrow(
                () ->
                    InvalidInputException.of(
                        "token", "This link is not valid or has expired; ask for a new one."));
    Account account = active(spent.accountId());
    policy
        .problem(newPassword, account.email(), account.displayName())
        .ifPresent(
            problem -> {
              throw InvalidInputException.of("newPassword", problem);
            });
    account.replacePasswordHash(hasher.hash(newPassword.toCharArray()), clock.instant());
    sessions.logoutEverywhere(account.id(), caller);
    audit.record(Action.PASSWORD_RESET, true, account.id(), null, caller, null);
  }

  /** Password sign-in for apps: an access token and a refresh token. */
  public TokenPair login(String email, String password, Caller caller) {
    return sessions.start(authenticate(email, password, caller));
  }

  /** Password sign-in for browsers: a server-side session carried by a cookie. */
  public WebSignIn webLogin(String email, String password, Caller caller) {
    return sessions.startWeb(authenticate(email, password, caller));
  }

  private Account authenticate(String email, String password, Caller caller) {
    String normalized = Account.normalizeEmail(email);
    try {
      limiter.consume(LOGIN_PER_IP, caller.ip());
      limiter.consume(LOGIN_PER_ACCOUNT, normalized);
    } catch (RateLimitedException e) {
      audit.record(Action.LOGIN, false, null, normalized, caller, "throttled");
      throw e;
    }
    Optional<Account> found = findByEmail(normalized).filter(Account::canSignIn);
    if (found.isEmpty()) {
      hasher.burn(password.toCharArray());
      throw refuse(normalized, null, caller, "unknown account");
    }
    Account account = found.get();
    if (!hasher.verify(account.passwordHash(), password.toCharArray())) {
      throw refuse(null, account.id(), caller, "wrong password");
    }
    if (hasher.needsRehash(account.passwordHash())) {
      account.replacePasswordHash(hasher.hash(password.toCharArray()), clock.instant());
      audit.record(Action.PASSWORD_REHASH, true, account.id(), null, caller, null);
    }
    audit.record(Action.LOGIN, true, account.id(), null, caller, null);
    firstAdmin.promoteIfDue(account, caller);
    return account;
  }

  /** Needs the current password; ends every other session of the account. */
  public void changePassword(
      UUID accountId, String currentPassword, String newPassword, UUID sessionId, Caller caller) {
    Account account = withPassword(accountId, currentPassword, Action.PASSWORD_CHANGE, caller);
    policy
        .problem(newPassword, account.email(), account.displayName())
        .ifPresent(
            problem -> {
              throw InvalidInputException.of("newPassword", problem);
            });
    account.replacePasswordHash(hasher.hash(newPassword.toCharArray()), clock.instant());
    sessions.endOtherSessions(accountId, sessionId);
    audit.record(Action.PASSWORD_CHANGE, true, accountId, null, caller, null);
  }

  /**
   * Deletes the account at once for every purpose (sign-in, sessions, access tokens); its personal
   * data is erased after the grace period by {@code AccountErasure}.
   */
  public void delete(UUID accountId, String currentPassword, Caller caller) {
    Account account = withPassword(accountId, currentPassword, Action.ACCOUNT_DELETED, caller);
    account.delete(clock.instant());
    deleted.fire(new AccountDeleted(accountId));
    sessions.logoutEverywhere(accountId, caller);
    audit.record(Action.ACCOUNT_DELETED, true, accountId, null, caller, null);
  }

  public AccountView get(UUID id) {
    return Optional.ofNullable(em.find(Account.class, id))
        .filter(account -> account.status() != Account.Status.DELETED)
        .map(AccountView::of)
        .orElseThrow(() -> BusinessException.notFound("Account"));
  }

  private Account active(UUID id) {
    return Optional.ofNullable(em.find(Account.class, id))
        .filter(account -> account.status() == Account.Status.ACTIVE)
        .orElseThrow(() -> BusinessException.notFound("Account"));
  }

  /**
   * The active account, once its owner has given the current password (throttled like sign-ins).
   */
  private Account withPassword(
      UUID accountId, String currentPassword, Action action, Caller caller) {
    Account account = active(accountId);
    limiter.consume(LOGIN_PER_ACCOUNT, account.email());
    if (account.passwordHash() == null
        || !hasher.verify(account.passwordHash(), currentPassword.toCharArray())) {
      audit.record(action, false, accountId, null, caller, "wrong current password");
      throw InvalidInputException.of("currentPassword", "This is not your current password.");
    }
    return account;
  }

  private BusinessException refuse(String email, UUID accountId, Caller caller, String why) {
    audit.record(Action.LOGIN, false, accountId, email, caller, why);
    return new BusinessException(ProblemType.UNAUTHORIZED, BAD_CREDENTIALS);
  }

  private Optional<Account> findByEmail(String normalizedEmail) {
    return em.createNamedQuery(Account.BY_EMAIL, Account.class)
        .setParameter("email", normalizedEmail)
        .getResultStream()
        .findFirst();
  }
}
