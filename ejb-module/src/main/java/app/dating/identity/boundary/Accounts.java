package app.dating.identity.boundary;

import app.dating.identity.control.AddressProofs;
import app.dating.identity.control.AuditLog;
import app.dating.identity.control.FirstAdmin;
import app.dating.identity.control.MailedLinks;
import app.dating.identity.control.PasswordHasher;
import app.dating.identity.control.PasswordPolicy;
import app.dating.identity.control.Reauthentication;
import app.dating.identity.control.ResetMail;
import app.dating.identity.control.SecurityNotices;
import app.dating.identity.control.SignInLimits;
import app.dating.identity.control.VerificationMail;
import app.dating.identity.entity.Account;
import app.dating.identity.entity.AuditEvent.Action;
import app.dating.identity.entity.OneTimeToken;
import app.dating.identity.entity.OneTimeToken.Purpose;
import app.dating.jobs.boundary.Jobs;
import app.dating.jobs.entity.JobType;
import app.dating.ratelimit.boundary.ClientKey;
import app.dating.ratelimit.boundary.RateLimit;
import app.dating.ratelimit.boundary.RateLimiter;
import app.dating.shared.problem.BusinessException;
import app.dating.shared.problem.InvalidInputException;
import app.dating.shared.problem.ProblemType;
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
 * the same time, and so are registrations of new and of taken addresses. Attempts are throttled per
 * client, per account and client (at most about 100 an hour, ASVS V2.2.1) and under a high ceiling
 * per account, instead of locking anyone out ({@link SignInLimits}). The first proof of an
 * account's address ends what was made for it before ({@link AddressProofs}).
 */
@Stateless
public class Accounts {
  static final RateLimit REGISTER_PER_IP = new RateLimit("register-ip", 10, Duration.ofHours(1));
  static final RateLimit RESET_PER_IP = new RateLimit("reset-ip", 10, Duration.ofHours(1));
  static final RateLimit RESET_PER_ADDRESS = new RateLimit("reset-address", 3, Duration.ofHours(1));

  /** Notices about a registration of a taken address, per address (more are silently skipped). */
  static final RateLimit REGISTRATION_NOTICES =
      new RateLimit("registration-notice", 3, Duration.ofHours(1));

  private static final String BAD_CREDENTIALS = "The email or the password is wrong.";

  @PersistenceContext EntityManager em;
  @Inject PasswordHasher hasher;
  @Inject PasswordPolicy policy;
  @Inject Sessions sessions;
  @Inject Jobs jobs;
  @Inject AuditLog audit;
  @Inject RateLimiter limiter;
  @Inject SignInLimits signInLimits;
  @Inject Reauthentication reauthentication;
  @Inject MailedLinks links;
  @Inject AddressProofs proofs;
  @Inject SecurityNotices notices;
  @Inject FirstAdmin firstAdmin;
  @Inject Event<AccountDeleted> deleted;
  @Inject Clock clock;

  /**
   * Opens an account, unverified, and mails a verification link. A taken address gets the same
   * answer, after the same work, and its owner a notice instead: registration tells no one who has
   * an account. An address held only as an unproven claim ({@link
   * Account#holdsOnlyAnUnprovenClaim()}) is released for the new account.
   */
  public AccountView register(Registration registration, Caller caller) {
    limiter.consume(REGISTER_PER_IP, ClientKey.of(caller.ip()));
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
    Optional<Account> owner = proofs.holderOrRelease(email, caller);
    if (owner.isPresent()) {
      return answerAsNew(owner.get(), registration, email, caller);
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

  /** What {@link #register} answers for a taken address: the view a new account would have. */
  private AccountView answerAsNew(
      Account owner, Registration registration, String email, Caller caller) {
    hasher.burn(registration.password().toCharArray()); // the time a new account's hash takes
    if (limiter.tryConsume(REGISTRATION_NOTICES, email, 1).allowed()) {
      notices.registrationAttempt(owner.id());
    }
    audit.record(
        Action.REGISTER, false, owner.id(), null, caller, "address taken: its owner is mailed");
    Account unsaved =
        new Account(
            email, registration.displayName(), registration.birthDate(), null, clock.instant());
    return AccountView.of(unsaved);
  }

  /**
   * Spends a verification token from the mail: the account's address counts as proven, or, when the
   * link was sent to a new address, that address replaces the old one. Either way, the first proof
   * of an address for the account ends everything made for it before ({@link AddressProofs}); an
   * email change voids every other mailed link of the account.
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
    boolean first;
    if (spent.email().equals(account.email())) {
      first = account.verifyEmail(now);
      audit.record(Action.EMAIL_VERIFIED, true, account.id(), null, caller, null);
    } else {
      if (proofs.holderOrRelease(spent.email(), caller).isPresent()) {
        throw BusinessException.conflict("This email address belongs to another account now.");
      }
      first = account.changeEmail(spent.email(), now);
      links.voidAll(account.id());
      audit.record(Action.EMAIL_CHANGE, true, account.id(), null, caller, null);
    }
    if (first) {
      proofs.firstProof(account, caller);
    }
    firstAdmin.promoteIfDue(account, caller);
  }

  /**
   * Mails a verification link to a new address; the account keeps its address until the link is
   * followed. Needs the current password.
   */
  public void requestEmailChange(
      UUID accountId, String newEmail, String currentPassword, UUID sessionId, Caller caller) {
    Account account =
        withPassword(accountId, currentPassword, sessionId, Action.EMAIL_CHANGE_REQUESTED, caller);
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
    limiter.consume(RESET_PER_IP, ClientKey.of(caller.ip()));
    limiter.consume(RESET_PER_ADDRESS, normalized);
    findByEmail(normalized)
        .filter(account -> account.status() == Account.Status.ACTIVE)
        .ifPresent(
            account -> {
              jobs.submit(JobType.PASSWORD_RESET, ResetMail.payload(account.id()));
              audit.record(Action.PASSWORD_RESET_REQUESTED, true, account.id(), null, caller, null);
            });
  }

  /**
   * Spends a reset token: sets the new password, voids every other mailed link of the account and
   * ends every session and access token. The link was mailed to the address, so on an account that
   * never proved one it is the first proof ({@link AddressProofs}): provider links and key bundles
   * made before end too.
   */
  public void resetPassword(String token, String newPassword, Caller caller) {
    limiter.consume(RESET_PER_IP, ClientKey.of(caller.ip()));
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
    Instant now = clock.instant();
    account.replacePasswordHash(hasher.hash(newPassword.toCharArray()), now);
    boolean first = spent.email().equals(account.email()) && account.verifyEmail(now);
    links.voidAll(account.id());
    sessions.logoutEverywhere(account.id(), caller);
    if (first) {
      proofs.firstProof(account, caller);
    }
    audit.record(
        Action.PASSWORD_RESET,
        true,
        account.id(),
        null,
        caller,
        first ? "the address is proven" : null);
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
    signInLimits.passwordGuess(normalized, caller);
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

  /**
   * Needs the current password (limited per session, never by others' sign-in attempts); ends every
   * other session of the account.
   */
  public void changePassword(
      UUID accountId, String currentPassword, String newPassword, UUID sessionId, Caller caller) {
    Account account =
        withPassword(accountId, currentPassword, sessionId, Action.PASSWORD_CHANGE, caller);
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
  public void delete(UUID accountId, String currentPassword, UUID sessionId, Caller caller) {
    Account account =
        withPassword(accountId, currentPassword, sessionId, Action.ACCOUNT_DELETED, caller);
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

  /** The active account, once its owner has given the current password in this session. */
  private Account withPassword(
      UUID accountId, String currentPassword, UUID sessionId, Action action, Caller caller) {
    Account account = active(accountId);
    reauthentication.requirePassword(account, sessionId, currentPassword, action, caller);
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
