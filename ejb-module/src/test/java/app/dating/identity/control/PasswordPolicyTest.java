package app.dating.identity.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dating.identity.control.PasswordPolicy.Rejection;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {
  private static final String EMAIL = "Alice.Martin@Example.org";
  private static final String NAME = "Alice Martin";

  private final PasswordPolicy policy = PasswordPolicy.standard();

  private Optional<Rejection> check(String password) {
    return policy.check(password, EMAIL, NAME);
  }

  @ParameterizedTest(name = "\"{0}\" is acceptable")
  @ValueSource(
      strings = {
        "vkq2-ulmo", // 9
        "tkr8vsam", // exactly 8
        "abcdefg😀", // 8 code points, 9 UTF-16 units
        "😀😀😀😀😀😀😀😀", // 8 emoji
        "correct horse battery staple", // spaces are fine
        "        ", // so are only spaces: no composition rules
        "Ünïcødé-ök", // non-ASCII
        "ﬁzzbuzz1" // 7 code points typed, 8 after NFKC (the ligature is "fi")
      })
  void accepts(String password) {
    assertEquals(Optional.empty(), check(password));
    assertEquals(Optional.empty(), policy.problem(password, EMAIL, NAME));
  }

  @ParameterizedTest(name = "\"{0}\" is too short")
  @NullSource
  @ValueSource(strings = {"", "tkr8vsa", "abcdef😀", "😀😀😀😀😀😀😀", "       "})
  void tooShort(String password) {
    assertEquals(Optional.of(Rejection.TOO_SHORT), check(password));
    assertEquals(Optional.of("Use at least 8 characters."), policy.problem(password, EMAIL, NAME));
  }

  @Test
  void lengthLimitsCountCodePoints() {
    assertEquals(Optional.empty(), check(random(PasswordPolicy.MAX_LENGTH)));
    assertEquals(Optional.of(Rejection.TOO_LONG), check(random(PasswordPolicy.MAX_LENGTH + 1)));
    // 128 emoji are 256 UTF-16 units but 128 characters
    assertEquals(Optional.empty(), check("😀".repeat(128)));
    assertEquals(Optional.of(Rejection.TOO_LONG), check("😀".repeat(129)));
    assertEquals(Optional.of(Rejection.TOO_LONG), check("x".repeat(1_000_000)));
    assertEquals(
        Optional.of("Use at most 128 characters."),
        policy.problem(random(PasswordPolicy.MAX_LENGTH + 1), EMAIL, NAME));
  }

  @ParameterizedTest(name = "\"{0}\" is too common")
  @ValueSource(
      strings = {
        "password", "PASSWORD", "Password", "password1", "password123", "PassWord123",
        "12345678", "iloveyou", "qwertyuiop", "sunshine", "trustno1", "passw0rd", "Qwerty123",
        "ｐａｓｓｗｏｒｄ" // full-width letters: NFKC makes them "password"
      })
  void tooCommon(String password) {
    assertEquals(Optional.of(Rejection.TOO_COMMON), check(password));
    assertEquals(
        Optional.of("This password is too common; choose another."),
        policy.problem(password, EMAIL, NAME));
  }

  @ParameterizedTest(name = "\"{0}\" is the account''s")
  @ValueSource(
      strings = {
        "alice.martin@example.org",
        "ALICE.MARTIN@EXAMPLE.ORG",
        "Alice.Martin",
        "alice.martin",
        "alice martin",
        "ALICE MARTIN",
        " Alice Martin "
      })
  void sameAsAccount(String password) {
    assertEquals(Optional.of(Rejection.SAME_AS_ACCOUNT), check(password));
    assertEquals(
        Optional.of("Don't use your email address or your name as your password."),
        policy.problem(password, EMAIL, NAME));
  }

  @ParameterizedTest(name = "email {0}, name {1}, password {2}: {3}")
  @CsvSource(
      nullValues = "null",
      value = {
        "null, null, alice.martin, ok",
        "'', '', alice.martin, ok",
        "jo@xy.io, null, JO@XY.IO, SAME_AS_ACCOUNT",
        "Bob.Stone@x.io, null, bob.stone, SAME_AS_ACCOUNT",
        "null, Bob Stone!, BOB STONE!, SAME_AS_ACCOUNT",
        "Bob.Stone@x.io, Bob Stone!, bob.stone1, ok", // contains is fine, only equal is refused
        "no-at-sign-here, null, no-at-sign-here, SAME_AS_ACCOUNT"
      })
  void accountChecksHandleMissingAndOddValues(
      String email, String name, String password, String expected) {
    Optional<Rejection> result = policy.check(password, email, name);
    assertEquals(expected.equals("ok") ? Optional.empty() : Optional.of(Rejection.valueOf(expected)), result);
  }

  @Test
  void bundledListIsLoadedOnceAndHonest() throws IOException {
    assertEquals(10_000, policy.commonPasswordCount());
    assertTrue(policy.isCommon("FOOTBALL"));
    assertFalse(policy.isCommon("vkq2-ulmo"));
    assertFalse(policy.isCommon(null));
    // Every line: lower case, at least 8 code points, unique, no surrounding blanks.
    Set<String> seen = new HashSet<>();
    try (var reader =
        new BufferedReader(
            new InputStreamReader(
                PasswordPolicy.class.getResourceAsStream(PasswordPolicy.COMMON_PASSWORDS),
                StandardCharsets.UTF_8))) {
      List<String> lines = reader.lines().toList();
      for (String line : lines) {
        assertEquals(line.toLowerCase(java.util.Locale.ROOT), line);
        assertEquals(line.strip(), line);
        assertTrue(line.codePointCount(0, line.length()) >= PasswordPolicy.MIN_LENGTH, line);
        assertTrue(seen.add(line), "duplicate " + line);
      }
      assertEquals(10_000, lines.size());
    }
  }

  @Test
  void beanAndSharedInstanceAgree() {
    assertEquals(
        new PasswordPolicy().check("password123", EMAIL, NAME),
        PasswordPolicy.standard().check("password123", EMAIL, NAME));
  }

  /** Letters and digits from a fixed generator: never in the list. */
  private static String random(int length) {
    var random = new java.util.Random(length);
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append("abcdefghjkmnpqrstuvwxyz23456789".charAt(random.nextInt(31)));
    }
    return sb.toString();
  }
}
