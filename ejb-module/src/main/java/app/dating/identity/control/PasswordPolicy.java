package app.dating.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which passwords an account may choose, after NIST SP 800-63B (section 5.1.1.2): length and a
 * block list, no composition rules.
 *
 * <p>A password is acceptable when, after NFKC normalisation,
 *
 * <ul>
 *   <li>it has {@value #MIN_LENGTH} to {@value #MAX_LENGTH} characters, counted as Unicode code
 *       points (an emoji counts as one; spaces count and are allowed anywhere);
 *   <li>it is not in the bundled list of common passwords ({@value #COMMON_PASSWORDS}, see the
 *       NOTICE beside it), ignoring case;
 *   <li>it is not the account's email address, nor its local part (before the {@code @}), nor its
 *       display name, ignoring case and surrounding spaces.
 * </ul>
 *
 * <p><b>How to get one.</b> It is an {@code @ApplicationScoped} CDI bean, so services inject it
 * like any other; and, because it has no configuration and no state but the immutable block list,
 * code that CDI does not reach (Bean Validation constraint validators, DTOs, which share {@link
 * #MIN_LENGTH} and {@link #MAX_LENGTH}, the command-line tools, plain unit tests) uses the shared
 * {@link #standard()} instance or {@code new PasswordPolicy()}: all instances behave alike and
 * share one list. The list is read from the class path on the first check, once, into a {@link
 * HashSet}: lazily and thread-safely through the holder-class idiom (the JVM initialises {@code
 * CommonPasswords} exactly once, on first use, and publishes it safely to all threads). A missing,
 * empty or unreadable list makes every check fail with an error (an {@link
 * ExceptionInInitializerError}, then {@link NoClassDefFoundError}) rather than let every password
 * through.
 *
 * <p>The password hasher hashes the same NFKC form, so what is checked here is what is stored.
 */
@ApplicationScoped
public class PasswordPolicy {

  /** Fewest characters (Unicode code points, after NFKC). */
  public static final int MIN_LENGTH = 8;

  /** Most characters (Unicode code points, after NFKC). */
  public static final int MAX_LENGTH = 128;

  /** Class-path resource of the block list: UTF-8, one lower-case password per line. */
  public static final String COMMON_PASSWORDS = "/identity/common-passwords.txt";

  /**
   * Inputs longer than this many UTF-16 units are too long whatever NFKC makes of them (it can
   * merge a few code points into one, never 16), so they are refused before being normalised.
   */
  private static final int MAX_RAW_LENGTH = 16 * MAX_LENGTH;

  private static final PasswordPolicy STANDARD = new PasswordPolicy();

  /** Why a password was refused; {@link #message()} is meant for the user. */
  public enum Rejection {
    TOO_SHORT("Use at least " + MIN_LENGTH + " characters."),
    TOO_LONG("Use at most " + MAX_LENGTH + " characters."),
    TOO_COMMON("This password is too common; choose another."),
    SAME_AS_ACCOUNT("Don't use your email address or your name as your password.");

    private final String message;

    Rejection(String message) {
      this.message = message;
    }

    /** A user-facing sentence saying what to change. */
    public String message() {
      return message;
    }
  }

  /** For CDI and for code outside it; {@link #standard()} saves the allocation. */
  public PasswordPolicy() {}

  /** The shared instance. */
  public static PasswordPolicy standard() {
    return STANDARD;
  }

  /**
   * Checks a password a user chose.
   *
   * @param password as typed (null counts as empty)
   * @param email the account's email address, or null when not known
   * @param displayName the account's display name, or null when not known
   * @return the user-facing reason to choose another password, or empty when it is acceptable
   */
  public Optional<String> problem(String password, String email, String displayName) {
    return check(password, email, displayName).map(Rejection::message);
  }

  /** Like {@link #problem}, with the reason as a constant (for error codes and tests). */
  public Optional<Rejection> check(String password, String email, String displayName) {
    if (password == null) {
      return Optional.of(Rejection.TOO_SHORT);
    }
    if (password.length() > MAX_RAW_LENGTH) {
      return Optional.of(Rejection.TOO_LONG);
    }
    String normalized = normalize(password);
    int length = normalized.codePointCount(0, normalized.length());
    if (length < MIN_LENGTH) {
      return Optional.of(Rejection.TOO_SHORT);
    }
    if (length > MAX_LENGTH) {
      return Optional.of(Rejection.TOO_LONG);
    }
    String folded = fold(normalized);
    if (CommonPasswords.SET.contains(folded)) {
      return Optional.of(Rejection.TOO_COMMON);
    }
    if (sameAsAccount(folded.strip(), email, displayName)) {
      return Optional.of(Rejection.SAME_AS_ACCOUNT);
    }
    return Optional.empty();
  }

  /** Whether the password is in the bundled common-password list, ignoring case. */
  public boolean isCommon(String password) {
    return password != null && CommonPasswords.SET.contains(fold(normalize(password)));
  }

  /** How many passwords the bundled list holds (loads it). */
  public int commonPasswordCount() {
    return CommonPasswords.SET.size();
  }

  private static boolean sameAsAccount(String password, String email, String displayName) {
    if (email != null) {
      String address = fold(normalize(email)).strip();
      if (!address.isEmpty() && password.equals(address)) {
        return true;
      }
      int at = address.lastIndexOf('@');
      if (at > 0 && password.equals(address.substring(0, at).strip())) {
        return true;
      }
    }
    if (displayName != null) {
      String name = fold(normalize(displayName)).strip();
      return !name.isEmpty() && password.equals(name);
    }
    return false;
  }

  static String normalize(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFKC);
  }

  private static String fold(String text) {
    return text.toLowerCase(Locale.ROOT);
  }

  /** Holder of the block list: initialised by the JVM once, on first use. */
  private static final class CommonPasswords {
    static final Set<String> SET = load();

    private static Set<String> load() {
      InputStream in = PasswordPolicy.class.getResourceAsStream(COMMON_PASSWORDS);
      if (in == null) {
        throw new IllegalStateException("Missing class-path resource " + COMMON_PASSWORDS);
      }
      Set<String> passwords = new HashSet<>(16_384);
      try (BufferedReader reader =
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          if (!line.isEmpty()) {
            passwords.add(fold(normalize(line)));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + COMMON_PASSWORDS, e);
      }
      if (passwords.isEmpty()) {
        throw new IllegalStateException(COMMON_PASSWORDS + " is empty");
      }
      return Collections.unmodifiableSet(passwords);
    }
  }
}
