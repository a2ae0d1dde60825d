package app.dating.identity.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.dating.cache.control.LocalCache;
import app.dating.identity.boundary.Caller;
import app.dating.identity.entity.AuditEvent.Action;
import app.dating.ratelimit.control.LocalRateLimiter;
import app.dating.shared.problem.RateLimitedException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which buckets a password guess and a signed-in password check take from, and what is audited. */
class SignInLimitsTest {
  private static final String EMAIL = "kim@example.org";
  private static final UUID KIM = UUID.randomUUID();

  /** One audit row as written. */
  record Row(Action action, UUID actor, String subject, String ip, String detail) {}

  private final List<Row> audited = new ArrayList<>();
  private final SignInLimits limits = limits(1000);

  private SignInLimits limits(long ceilingPerHour) {
    SignInLimits limits =
        new SignInLimits() {
          @Override
          Optional<UUID> accountOf(String email) {
            return EMAIL.equals(email) ? Optional.of(KIM) : Optional.empty();
          }
        };
    limits.limiter = new LocalRateLimiter();
    limits.clock = Clock.fixed(Instant.parse("2026-12-01T10:04:00Z"), ZoneOffset.UTC);
    limits.cache = new LocalCache(limits.clock);
    limits.audit =
        new AuditLog() {
          @Override
          public void record(
              Action action,
              boolean success,
              UUID actor,
              String subject,
              Caller caller,
              String detail) {
            audited.add(new Row(action, actor, subject, caller.ip(), detail));
          }
        };
    limits.ceilingPerHour = ceilingPerHour;
    limits.init();
    return limits;
  }

  private static Caller from(String ip) {
    return new Caller(ip, "test");
  }

  /** How many guesses {@code ip} gets at {@code email} before a refusal, up to {@code most}. */
  private static int guessesAllowed(SignInLimits limits, String email, String ip, int most) {
    for (int i = 0; i < most; i++) {
      try {
        limits.passwordGuess(email, from(ip));
      } catch (RateLimitedException refused) {
        return i;
      }
    }
    return most;
  }

  @Test
  void oneClientGetsTheAsvsLimitOnOneAccountAndTheOwnerElsewhereIsNotLockedOut() {
    assertEquals(
        10, guessesAllowed(limits, EMAIL, "203.0.113.9", 20), "10 at once, then 1 every 36 s");
    assertEquals(
        10, guessesAllowed(limits, EMAIL, "198.51.100.7", 20), "another client has its own");
    assertDoesNotThrow(() -> limits.passwordGuess("other@example.org", from("203.0.113.9")));
  }

  @Test
  void anIpv6ClientIsItsSlash64() {
    for (int i = 0; i < 10; i++) {
      limits.passwordGuess(EMAIL, from("2001:db8:1:2::" + Integer.toHexString(i + 1)));
    }
    assertThrows(
        RateLimitedException.class,
        () -> limits.passwordGuess(EMAIL, from("2001:db8:1:2:ffff::9")));
    assertDoesNotThrow(() -> limits.passwordGuess(EMAIL, from("2001:db8:1:3::1")));
  }

  @Test
  void aClientGetsThirtyGuessesAtAnyAccounts() {
    int allowed = 0;
    for (int i = 0; i < 40; i++) {
      try {
        limits.passwordGuess("someone-" + i + "@example.org", from("203.0.113.9"));
        allowed++;
      } catch (RateLimitedException refused) {
        // counted below
      }
    }
    assertEquals(30, allowed);
  }

  @Test
  void theCeilingRefusesEveryClientAndOnlyWhatTheirOwnLimitsLetThroughCountsTowardsIt() {
    SignInLimits small = limits(25);
    assertEquals(
        10, guessesAllowed(small, EMAIL, "203.0.113.1", 50), "40 refused by its own limit");
    assertEquals(10, guessesAllowed(small, EMAIL, "203.0.113.2", 50));
    assertEquals(5, guessesAllowed(small, EMAIL, "203.0.113.3", 50), "the ceiling: 25 in all");
    assertEquals(0, guessesAllowed(small, EMAIL, "203.0.113.4", 50));
    assertEquals(10, guessesAllowed(small, "other@example.org", "203.0.113.4", 50));
  }

  @Test
  void aSignedInPasswordCheckIsNeverLockedOutBySignInAttempts() {
    UUID session = UUID.randomUUID();
    for (int i = 1; i <= 20; i++) {
      guessesAllowed(limits, EMAIL, "203.0.113." + i, 50);
    }
    for (int i = 0; i < 10; i++) {
      limits.reauthentication(KIM, session, Action.PASSWORD_CHANGE, from("203.0.113.1"));
    }
    assertThrows(
        RateLimitedException.class,
        () -> limits.reauthentication(KIM, session, Action.PASSWORD_CHANGE, from("203.0.113.1")),
        "ten tries of the current password at once per session");
    assertDoesNotThrow(
        () ->
            limits.reauthentication(
                KIM, UUID.randomUUID(), Action.PASSWORD_CHANGE, from("203.0.113.1")),
        "another session (a stolen one, say) does not use up the owner's");
  }

  @Test
  void refusalsAreAuditedAtOneTenAHundredPerWindowNotEachOne() {
    audited.clear();
    int refused = 0;
    for (int i = 0; i < 160; i++) {
      try {
        limits.passwordGuess(EMAIL, from("203.0.113.9"));
      } catch (RateLimitedException e) {
        refused++;
      }
    }
    assertEquals(150, refused, "10 allowed, then 20 by the account and client, 130 by the client");
    List<String> details = audited.stream().map(Row::detail).toList();
    assertEquals(
        List.of(
            "throttled (login-account-client): 1 refused attempt in the 10-minute window from 2026-12-01T10:00:00Z",
            "throttled (login-account-client): 10 refused attempts in the 10-minute window from 2026-12-01T10:00:00Z",
            "throttled (login-ip): 1 refused attempt in the 10-minute window from 2026-12-01T10:00:00Z",
            "throttled (login-ip): 10 refused attempts in the 10-minute window from 2026-12-01T10:00:00Z",
            "throttled (login-ip): 100 refused attempts in the 10-minute window from 2026-12-01T10:00:00Z"),
        details);
    Row perAccount = audited.get(0);
    assertEquals(KIM, perAccount.actor(), "a known account is named by its id");
    assertNull(perAccount.subject(), "not by its address");
    assertEquals("203.0.113.9", perAccount.ip());
  }

  @Test
  void anUnknownAddressIsKeptOnlyInItsOwnRows() {
    audited.clear();
    guessesAllowed(limits, "nobody@example.org", "203.0.113.9", 11);
    assertEquals(1, audited.size());
    assertNull(audited.get(0).actor());
    assertEquals("nobody@example.org", audited.get(0).subject());
  }

  @ParameterizedTest
  @CsvSource({
    "1, true",
    "2, false",
    "9, false",
    "10, true",
    "11, false",
    "20, false",
    "100, true",
    "1000, true",
    "1010, false"
  })
  void theCountsWrittenArePowersOfTen(long count, boolean written) {
    assertEquals(written, SignInLimits.isRecorded(count));
  }
}
