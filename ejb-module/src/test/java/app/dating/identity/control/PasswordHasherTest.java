package app.dating.identity.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.mkammerer.argon2.Argon2Factory;
import de.mkammerer.argon2.Argon2Factory.Argon2Types;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * At the OWASP parameters: each hash or verify costs tens of milliseconds, so hashes are shared.
 */
class PasswordHasherTest {
  private static final String PASSWORD = "vkq2-ulmo horse";

  private static PasswordHasher hasher;
  private static String hash;

  @BeforeAll
  static void hashOnce() {
    hasher = new PasswordHasher(19456, 2, 1);
    hash = hasher.hash(PASSWORD.toCharArray());
  }

  @Test
  void hashIsArgon2idPhcStringWithOwaspParameters() {
    assertTrue(
        hash.matches(
            "\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}"),
        hash);
    assertNotEquals(hash, hasher.hash(PASSWORD.toCharArray()), "a fresh salt each time");
  }

  @Test
  void rightPasswordVerifiesWrongOneDoesNot() {
    assertTrue(hasher.verify(hash, PASSWORD.toCharArray()));
    assertFalse(hasher.verify(hash, "vkq2-ulmo horsf".toCharArray()));
    assertFalse(hasher.verify(hash, "VKQ2-ULMO HORSE".toCharArray()));
    assertFalse(hasher.verify(hash, new char[0]));
    assertFalse(hasher.verify(hash, null));
    // Well-formed, current parameters, but not a hash of this password:
    assertFalse(
        hasher.verify(
            "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaA",
            PASSWORD.toCharArray()));
  }

  @Test
  void hashWipesThePasswordVerifyLeavesIt() {
    char[] password = "tkr8vsam-long".toCharArray();
    String h = hasher.hash(password);
    assertArrayEquals(new char[13], password);
    char[] again = "tkr8vsam-long".toCharArray();
    assertTrue(hasher.verify(h, again));
    assertArrayEquals("tkr8vsam-long".toCharArray(), again);
  }

  @Test
  void passwordsAreComparedInNfkcForm() {
    String h = hasher.hash("ﬁzzbuzz１".toCharArray()); // ligature and full-width digit
    assertTrue(hasher.verify(h, "fizzbuzz1".toCharArray()));
    assertTrue(hasher.verify(h, "ﬁzzbuzz１".toCharArray()));
  }

  @Test
  void needsRehashOnlyWhenParametersOrTypeDiffer() {
    assertFalse(hasher.needsRehash(hash));
    PasswordHasher cheap = new PasswordHasher(1024, 1, 1);
    String cheapHash = cheap.hash(PASSWORD.toCharArray());
    assertTrue(hasher.needsRehash(cheapHash));
    assertFalse(cheap.needsRehash(cheapHash));
    assertTrue(cheap.needsRehash(hash));
    // A hash made with other parameters still verifies: the parameters are in the string.
    assertTrue(hasher.verify(cheapHash, PASSWORD.toCharArray()));
    assertTrue(hasher.needsRehash(hash.replace("t=2", "t=3")));
    assertTrue(hasher.needsRehash(hash.replace("p=1", "p=2")));
    assertTrue(hasher.needsRehash(hash.replace("m=19456", "m=65536")));
  }

  @Test
  void legacyArgon2iHashVerifiesButNeedsRehash() {
    String argon2i =
        Argon2Factory.create(Argon2Types.ARGON2i).hash(2, 19456, 1, PASSWORD.toCharArray());
    assertTrue(argon2i.startsWith("$argon2i$v=19$m=19456,t=2,p=1$"), argon2i);
    assertTrue(hasher.needsRehash(argon2i));
    assertTrue(hasher.verify(argon2i, PASSWORD.toCharArray()));
    assertFalse(hasher.verify(argon2i, "wrong-password".toCharArray()));
  }

  @ParameterizedTest(name = "garbage hash \"{0}\"")
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "not a hash",
        "$argon2id$",
        "$argon2id$v=19$m=19456,t=2,p=1$",
        "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$",
        "$argon2id$v=19$m=99999999,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaA",
        "$argon2id$v=19$m=19456,t=0,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaA",
        "$argon2id$v=18$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaA",
        "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy",
        "{SSHA}somethingelse"
      })
  void garbageHashesNeitherVerifyNorThrow(String garbage) {
    assertFalse(hasher.verify(garbage, PASSWORD.toCharArray()));
    assertTrue(hasher.needsRehash(garbage));
  }

  @Test
  void burnSpendsAVerifyAndNeverThrows() {
    assertDoesNotThrow(() -> hasher.burn(PASSWORD.toCharArray()));
    assertDoesNotThrow(() -> hasher.burn(null));
    // burn verifies against a hash of this hasher's own parameters, so it costs what a verify of a
    // stored hash costs (a structural check: a timed one failed on a loaded machine).
    assertTrue(hasher.dummyHash().startsWith("$argon2id$"), hasher.dummyHash());
    assertFalse(hasher.needsRehash(hasher.dummyHash()), hasher.dummyHash());
  }

  @Test
  void rejectsParametersOutOfRange() {
    assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(19456, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(19456, 2, 0));
    assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(4, 2, 1));
    assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(4 << 20, 2, 1));
  }
}
