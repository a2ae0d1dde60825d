package app.dating.identity.control;

import static app.dating.identity.entity.IdentityProvider.APPLE;
import static app.dating.identity.entity.IdentityProvider.GOOGLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dating.cache.boundary.SharedCache;
import app.dating.cache.control.LocalCache;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Server-issued sign-in nonces: single use, per provider, for ten minutes, stored as hashes. */
class ProviderNoncesTest {

  /** A clock the test moves. */
  private static final class MovingClock extends Clock {
    Instant now = Instant.parse("2026-12-01T10:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final MovingClock clock = new MovingClock();
  private final ProviderNonces nonces = new ProviderNonces(new LocalCache(clock));

  @Test
  void anIssuedNonceIsSpentOnce() {
    String nonce = nonces.issue(GOOGLE);
    assertTrue(nonce.matches("[A-Za-z0-9_-]{43}"), nonce);
    assertTrue(nonces.spend(GOOGLE, nonce, null));
    assertFalse(
        nonces.spend(GOOGLE, nonce, null), "a second token with the same nonce is a replay");
  }

  @Test
  void lookingAtANonceDoesNotSpendIt() {
    String nonce = nonces.issue(GOOGLE);
    assertTrue(nonces.isLive(GOOGLE, nonce, null));
    assertTrue(nonces.isLive(GOOGLE, nonce, null), "a refused sign-in may send the token again");
    assertTrue(nonces.spend(GOOGLE, nonce, null));
    assertFalse(nonces.isLive(GOOGLE, nonce, null));
    assertFalse(nonces.spend(GOOGLE, nonce, null), "of two sign-ins with one token, one wins");
  }

  @Test
  void aNonceServesOnlyItsProvider() {
    String nonce = nonces.issue(APPLE);
    assertFalse(nonces.spend(GOOGLE, nonce, null));
    assertTrue(nonces.spend(APPLE, nonce, null));
  }

  @Test
  void madeUpMissingAndExpiredNoncesAreRefused() {
    assertFalse(nonces.spend(GOOGLE, null, null));
    assertFalse(nonces.spend(GOOGLE, "", null));
    assertFalse(nonces.spend(GOOGLE, "made-up", null));
    assertFalse(nonces.spend(GOOGLE, SecretTokens.newToken(), null));
    String nonce = nonces.issue(GOOGLE);
    clock.now = clock.now.plus(ProviderNonces.LIFETIME).plusSeconds(1);
    assertFalse(nonces.isLive(GOOGLE, nonce, null));
    assertFalse(nonces.spend(GOOGLE, nonce, null));
  }

  @Test
  void aTokenMayCarryTheHashOfTheNonceTheAppSendsBeside() {
    String nonce = nonces.issue(APPLE);
    String hashed = SecretTokens.hash(nonce);
    assertFalse(nonces.spend(APPLE, hashed, null), "the hash alone is not a nonce we issued");
    assertFalse(nonces.spend(APPLE, hashed, SecretTokens.newToken()), "beside another nonce");
    assertFalse(nonces.spend(APPLE, SecretTokens.newToken(), nonce), "a claim of another nonce");
    assertTrue(nonces.spend(APPLE, hashed.toUpperCase(), nonce));
    assertFalse(nonces.spend(APPLE, hashed, nonce), "once");
  }

  @Test
  void theSameNonceSentBesideTheTokenIsFine() {
    String nonce = nonces.issue(GOOGLE);
    assertTrue(nonces.spend(GOOGLE, nonce, nonce));
  }

  @Test
  void onlyTheHashOfANonceIsStored() {
    Map<String, String> stored = new HashMap<>();
    SharedCache recording =
        new SharedCache() {
          @Override
          public void put(String key, String value, Duration timeToLive) {
            stored.put(key, value);
            assertEquals(ProviderNonces.LIFETIME, timeToLive);
          }

          @Override
          public Optional<String> get(String key) {
            return Optional.ofNullable(stored.get(key));
          }

          @Override
          public Optional<String> take(String key) {
            return Optional.ofNullable(stored.remove(key));
          }

          @Override
          public long increment(String key, Duration timeToLive) {
            throw new UnsupportedOperationException();
          }
        };
    String nonce = new ProviderNonces(recording).issue(GOOGLE);
    assertEquals(1, stored.size());
    String key = stored.keySet().iterator().next();
    assertFalse(key.contains(nonce), key);
    assertTrue(key.endsWith(SecretTokens.hash(nonce)), key);
  }
}
