package app.dating.identity.control;

import app.dating.shared.problem.RateLimitedException;
import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;
import de.mkammerer.argon2.Argon2Factory.Argon2Types;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Argon2id password hashes in the PHC string format ({@code
 * $argon2id$v=19$m=19456,t=2,p=1$salt$hash}), through argon2-jvm (the reference C implementation
 * over JNA).
 *
 * <p>Parameters come from MicroProfile Config, defaulting to OWASP's recommendation for Argon2id
 * (19 MiB of memory, 2 passes, 1 lane):
 *
 * <table>
 *   <caption>configuration</caption>
 *   <tr><th>key</th><th>environment variable</th><th>default</th></tr>
 *   <tr><td>{@value #MEMORY_KIB}</td><td>{@code PASSWORD_ARGON2_MEMORY_KIB}</td><td>19456</td></tr>
 *   <tr><td>{@value #ITERATIONS}</td><td>{@code PASSWORD_ARGON2_ITERATIONS}</td><td>2</td></tr>
 *   <tr><td>{@value #PARALLELISM}</td><td>{@code PASSWORD_ARGON2_PARALLELISM}</td><td>1</td></tr>
 * </table>
 *
 * <p>A login should go: look the account up; if there is none, {@link #burn} the password (so an
 * unknown email costs as much time as a wrong password); else {@link #verify}; on success, when
 * {@link #needsRehash} says so (parameters changed since the hash was made), store a new {@link
 * #hash}. {@code verify} also accepts older argon2i and argon2d hashes, so they can be upgraded the
 * same way.
 *
 * <p>Passwords are NFKC-normalised before hashing and verifying, as NIST SP 800-63B advises and as
 * {@link PasswordPolicy} counts them, so the same password typed on keyboards that produce
 * different code points (a ligature, a full-width letter) still matches. An already normalised
 * password (any ASCII one) is used as given; only a non-normalised one is copied into a String,
 * which cannot be wiped.
 *
 * <p>Every hash and verify (and {@link #burn}) goes through a {@link HashingGate}: at most {@value
 * #MAX_CONCURRENT} ({@code PASSWORD_HASH_MAX_CONCURRENT}, default one per processor) at once, a
 * caller waiting up to {@value #QUEUE_TIMEOUT} ({@code PASSWORD_HASH_QUEUE_TIMEOUT}, default 1 s)
 * for its turn and then refused with 503.
 *
 * <p>Hashes that are null, malformed, or ask for absurd costs (more than 1 GiB, 100 passes or 64
 * lanes, which would let a corrupt row exhaust the server) are never verified: {@code verify} is
 * false and {@code needsRehash} true, without exceptions.
 */
@ApplicationScoped
public class PasswordHasher {
  private static final Logger LOG = Logger.getLogger(PasswordHasher.class.getName());

  public static final String MEMORY_KIB = "password.argon2.memory-kib";
  public static final String ITERATIONS = "password.argon2.iterations";
  public static final String PARALLELISM = "password.argon2.parallelism";
  public static final String MAX_CONCURRENT = "password.hash.max-concurrent";
  public static final String QUEUE_TIMEOUT = "password.hash.queue-timeout";

  public static final int DEFAULT_MEMORY_KIB = 19456;
  public static final int DEFAULT_ITERATIONS = 2;
  public static final int DEFAULT_PARALLELISM = 1;

  /** Argon2 version 1.3, the only one argon2-jvm writes. */
  private static final int VERSION = 0x13;

  private static final int MAX_MEMORY_KIB = 1 << 20;
  private static final int MAX_ITERATIONS = 100;
  private static final int MAX_PARALLELISM = 64;

  private static final Pattern PHC =
      Pattern.compile(
          "\\$(argon2id|argon2i|argon2d)(?:\\$v=(\\d{1,3}))?\\$m=(\\d{1,8}),t=(\\d{1,8}),p=(\\d{1,8})"
              + "\\$[A-Za-z0-9+/]{11,}\\$[A-Za-z0-9+/]{11,}");

  private final int memoryKib;
  private final int iterations;
  private final int parallelism;
  private final Argon2 argon2id;
  private final String dummyHash;
  private final HashingGate gate;

  /**
   * @param memoryKib memory per hash in KiB (at least 8 per lane)
   * @param iterations passes over the memory (at least 1)
   * @param parallelism lanes (at least 1)
   * @throws IllegalArgumentException when the parameters are out of range
   */
  public PasswordHasher(int memoryKib, int iterations, int parallelism) {
    this(memoryKib, iterations, parallelism, new HashingGate(0, Duration.ofSeconds(1)));
  }

  /**
   * @param maxConcurrent hashes at once (0: one per processor)
   * @param queueTimeout how long a caller waits for its turn before a 503
   */
  @Inject
  public PasswordHasher(
      @ConfigProperty(name = MEMORY_KIB, defaultValue = "" + DEFAULT_MEMORY_KIB) int memoryKib,
      @ConfigProperty(name = ITERATIONS, defaultValue = "" + DEFAULT_ITERATIONS) int iterations,
      @ConfigProperty(name = PARALLELISM, defaultValue = "" + DEFAULT_PARALLELISM) int parallelism,
      @ConfigProperty(name = MAX_CONCURRENT, defaultValue = "0") int maxConcurrent,
      @ConfigProperty(name = QUEUE_TIMEOUT, defaultValue = "PT1S") Duration queueTimeout) {
    this(memoryKib, iterations, parallelism, new HashingGate(maxConcurrent, queueTimeout));
  }

  PasswordHasher(int memoryKib, int iterations, int parallelism, HashingGate gate) {
    if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
      throw new IllegalArgumentException(PARALLELISM + " must be 1.." + MAX_PARALLELISM);
    }
    if (iterations < 1 || iterations > MAX_ITERATIONS) {
      throw new IllegalArgumentException(ITERATIONS + " must be 1.." + MAX_ITERATIONS);
    }
    if (memoryKib < 8 * parallelism || memoryKib > MAX_MEMORY_KIB) {
      throw new IllegalArgumentException(
          MEMORY_KIB + " must be 8 × parallelism.." + MAX_MEMORY_KIB + " KiB");
    }
    this.memoryKib = memoryKib;
    this.iterations = iterations;
    this.parallelism = parallelism;
    this.argon2id = Argon2Factory.create(Argon2Types.ARGON2id);
    this.gate = gate;
    this.dummyHash = hashNow(randomPassword());
    LOG.info(
        () ->
            "Password hashes: Argon2id "
                + parameters()
                + ", at most "
                + gate.maxConcurrent()
                + " at once, "
                + gate.queueTimeout().toMillis()
                + " ms of queue");
  }

  /** For CDI's proxy. */
  protected PasswordHasher() {
    this.memoryKib = 0;
    this.iterations = 0;
    this.parallelism = 0;
    this.argon2id = null;
    this.dummyHash = null;
    this.gate = null;
  }

  /** Creates the instance (and its dummy hash) when the application starts, not at first login. */
  void onStartup(@Observes @Initialized(ApplicationScoped.class) Object event) {
    // Observing is enough: the container creates the bean to deliver the event.
  }

  /**
   * Hashes a password with a fresh random salt, then wipes the array (also on failure).
   *
   * @return the PHC string, e.g. {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}
   */
  public String hash(char[] password) {
    Objects.requireNonNull(password, "password");
    try {
      return gate.run(() -> hashNow(password));
    } finally {
      wipe(password); // also when refused
    }
  }

  private String hashNow(char[] password) {
    char[] normalized = normalize(password);
    try {
      return argon2id.hash(iterations, memoryKib, parallelism, normalized, StandardCharsets.UTF_8);
    } finally {
      wipe(normalized);
      wipe(password);
    }
  }

  /**
   * Whether the password matches the hash (argon2id, or a legacy argon2i/argon2d hash). False for a
   * null password and for a null, malformed or over-costly hash. Leaves the array to the caller,
   * who may still need it for {@link #hash} after a {@link #needsRehash}.
   */
  public boolean verify(String hash, char[] password) {
    Phc phc = Phc.parse(hash);
    if (phc == null || password == null) {
      return false;
    }
    char[] normalized = normalize(password);
    try {
      return gate.run(() -> argon2For(phc.type()).verify(hash, normalized, StandardCharsets.UTF_8));
    } catch (RateLimitedException busy) {
      throw busy;
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Password hash could not be verified", e);
      return false;
    } finally {
      if (normalized != password) {
        wipe(normalized);
      }
    }
  }

  /**
   * Whether a hash should be replaced by a new one: it is not an argon2id version 1.3 hash made
   * with the configured memory, iterations and parallelism, or it cannot be read at all.
   */
  public boolean needsRehash(String hash) {
    Phc phc = Phc.parse(hash);
    return phc == null
        || !"argon2id".equals(phc.type())
        || phc.version() != VERSION
        || phc.memoryKib() != memoryKib
        || phc.iterations() != iterations
        || phc.parallelism() != parallelism;
  }

  /**
   * Spends the time of one {@link #verify} with the configured parameters, for an account that does
   * not exist, so that answering it takes as long as a wrong password. The result is discarded; the
   * array is left to the caller, as with {@code verify}.
   */
  public void burn(char[] password) {
    verify(dummyHash, password == null ? new char[0] : password);
  }

  /** The hash {@link #burn} verifies against: made at start with this hasher's parameters. */
  String dummyHash() {
    return dummyHash;
  }

  public int memoryKib() {
    return memoryKib;
  }

  public int iterations() {
    return iterations;
  }

  public int parallelism() {
    return parallelism;
  }

  /** The configured parameters as in a PHC string: {@code m=19456,t=2,p=1}. */
  public String parameters() {
    return "m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism;
  }

  private Argon2 argon2For(String type) {
    return switch (type) {
      case "argon2id" -> argon2id;
      case "argon2i" -> Argon2Factory.create(Argon2Types.ARGON2i);
      default -> Argon2Factory.create(Argon2Types.ARGON2d);
    };
  }

  /** The NFKC form: the array itself when already normalised, else a new array. */
  private static char[] normalize(char[] password) {
    CharBuffer chars = CharBuffer.wrap(password);
    if (Normalizer.isNormalized(chars, Normalizer.Form.NFKC)) {
      return password;
    }
    return Normalizer.normalize(chars, Normalizer.Form.NFKC).toCharArray();
  }

  private static void wipe(char[] chars) {
    Arrays.fill(chars, '\0');
  }

  private static char[] randomPassword() {
    SecureRandom random = new SecureRandom();
    char[] password = new char[24];
    for (int i = 0; i < password.length; i++) {
      password[i] = (char) ('a' + random.nextInt(26));
    }
    return password;
  }

  /** The parts of a PHC string that decide how to verify it and whether to rehash it. */
  private record Phc(String type, int version, int memoryKib, int iterations, int parallelism) {

    /** Null unless the string is a well-formed Argon2 hash with costs within bounds. */
    static Phc parse(String hash) {
      if (hash == null || hash.length() > 512) {
        return null;
      }
      Matcher m = PHC.matcher(hash);
      if (!m.matches()) {
        return null;
      }
      int version = m.group(2) == null ? 0x10 : Integer.parseInt(m.group(2));
      int memory = Integer.parseInt(m.group(3));
      int iterations = Integer.parseInt(m.group(4));
      int parallelism = Integer.parseInt(m.group(5));
      boolean sane =
          (version == 0x10 || version == 0x13)
              && parallelism >= 1
              && parallelism <= MAX_PARALLELISM
              && iterations >= 1
              && iterations <= MAX_ITERATIONS
              && memory >= 8 * parallelism
              && memory <= MAX_MEMORY_KIB;
      return sane ? new Phc(m.group(1), version, memory, iterations, parallelism) : null;
    }
  }
}
