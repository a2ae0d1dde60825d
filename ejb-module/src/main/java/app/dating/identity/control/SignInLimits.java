package app.dating.identity.control;

import app.dating.cache.boundary.SharedCache;
import app.dating.identity.boundary.Caller;
import app.dating.identity.entity.Account;
import app.dating.identity.entity.AuditEvent.Action;
import app.dating.ratelimit.boundary.ClientKey;
import app.dating.ratelimit.boundary.RateLimit;
import app.dating.ratelimit.boundary.RateLimiter;
import app.dating.ratelimit.boundary.RateLimiter.Decision;
import app.dating.shared.problem.RateLimitedException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How many password guesses anyone gets, without letting anyone lock a person out (issue #14).
 *
 * <ul>
 *   <li>Per client ({@link ClientKey}: an IPv4 address, an IPv6 /64): {@link #PER_CLIENT}.
 *   <li>Per account and client: {@link #PER_ACCOUNT_AND_CLIENT}, 10 at once, then one every 36 s:
 *       at most about 100 an hour on one account from one client (ASVS V2.2.1). A client that used
 *       its share is refused; the owner, on their own device, is not.
 *   <li>Per account, from all clients together: a ceiling ({@code accounts.login-ceiling-per-hour},
 *       10,000 an hour by default). A client only reaches it with attempts its own limits let
 *       through, so locking an account out this way needs about a hundred clients at once.
 *   <li>A signed-in person's current password (password or email change, deletion, linking a
 *       provider) is limited per session ({@link #REAUTHENTICATION}), never by sign-in attempts of
 *       others: no one locks a person out of changing a password they suspect is known.
 * </ul>
 *
 * <p>A refused attempt costs no hash and writes no audit row of its own: refusals are counted per
 * limit, subject and {@link #WINDOW} in the shared cache, and only the 1st, 10th, 100th, … of a
 * window is written, with the count so far. An unauthenticated loop grows the append-only audit log
 * by a handful of rows per window, not a row per request.
 */
@ApplicationScoped
public class SignInLimits {
  static final RateLimit PER_CLIENT = new RateLimit("login-ip", 30, Duration.ofMinutes(5));

  /** 10 at once, then one every 36 s: at most about 100 attempts an hour. */
  static final RateLimit PER_ACCOUNT_AND_CLIENT =
      new RateLimit("login-account-client", 10, Duration.ofMinutes(6));

  static final RateLimit REAUTHENTICATION =
      new RateLimit("reauth-session", 10, Duration.ofMinutes(6));

  /** The window in which refusals of one limit and subject are counted together. */
  static final Duration WINDOW = Duration.ofMinutes(10);

  @PersistenceContext EntityManager em;
  @Inject RateLimiter limiter;
  @Inject SharedCache cache;
  @Inject AuditLog audit;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "accounts.login-ceiling-per-hour", defaultValue = "10000")
  long ceilingPerHour;

  RateLimit perAccount;

  @PostConstruct
  void init() {
    perAccount = ceiling(ceilingPerHour);
  }

  static RateLimit ceiling(long perHour) {
    return new RateLimit("login-account-ceiling", Math.max(1, perHour), Duration.ofHours(1));
  }

  /**
   * One password guess at {@code email} (normalised) by {@code caller}: allowed, or a {@link
   * RateLimitedException} (429).
   */
  public void passwordGuess(String email, Caller caller) {
    String client = ClientKey.of(caller.ip());
    take(PER_CLIENT, client, caller, Action.LOGIN, null);
    take(PER_ACCOUNT_AND_CLIENT, email + " " + client, caller, Action.LOGIN, email);
    take(perAccount, email, caller, Action.LOGIN, email);
  }

  /** One try at the current password by a signed-in person, in session {@code sessionId}. */
  public void reauthentication(UUID accountId, UUID sessionId, Action action, Caller caller) {
    take(REAUTHENTICATION, accountId + " " + sessionId, caller, action, null);
  }

  private void take(RateLimit limit, String subject, Caller caller, Action action, String email) {
    Decision decision = limiter.tryConsume(limit, subject, 1);
    if (decision.allowed()) {
      return;
    }
    countRefusal(limit, subject, caller, action, email);
    throw new RateLimitedException(
        "Too many requests for " + limit.name() + "; try again later", decision.retryAfter());
  }

  private void countRefusal(
      RateLimit limit, String subject, Caller caller, Action action, String email) {
    Instant now = clock.instant();
    long windowSeconds = WINDOW.toSeconds();
    Instant windowStart =
        Instant.ofEpochSecond(now.getEpochSecond() / windowSeconds * windowSeconds);
    long count =
        cache.increment(
            "refused:" + limit.name() + ":" + subject + ":" + windowStart.getEpochSecond(),
            WINDOW.multipliedBy(2));
    if (!isRecorded(count)) {
      return;
    }
    Optional<UUID> account = Optional.ofNullable(email).flatMap(this::accountOf);
    audit.record(
        action,
        false,
        account.orElse(null),
        account.isPresent() ? null : email, // an address is kept only when no account has it
        caller,
        "throttled ("
            + limit.name()
            + "): "
            + count
            + (count == 1 ? " refused attempt" : " refused attempts")
            + " in the "
            + WINDOW.toMinutes()
            + "-minute window from "
            + windowStart);
  }

  /** The counts written to the audit log: 1, 10, 100, … */
  static boolean isRecorded(long count) {
    long n = count;
    while (n >= 10 && n % 10 == 0) {
      n /= 10;
    }
    return n == 1;
  }

  /** The account that has {@code email}, if any. */
  Optional<UUID> accountOf(String email) {
    return em.createNamedQuery(Account.BY_EMAIL, Account.class)
        .setParameter("email", email)
        .getResultStream()
        .findFirst()
        .map(Account::id);
  }
}
