package app.dating.tools.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * What a synthetic demo user looks like: the one place to change when {@code account} gains
 * columns. Every value comes from the seed and the user's demo number, so a seed always gives the
 * same people, whatever the batch size. The profile, when wanted, comes from {@link
 * SyntheticProfiles}.
 */
final class SyntheticUsers {
  static final Duration HISTORY = Duration.ofDays(730);

  /** The gender slugs of the catalogue that people get. */
  static final String MAN = "man";

  static final String WOMAN = "woman";
  static final String NON_BINARY = "non-binary";

  /** Who a person is, for the profile to build on. */
  record Person(
      UUID id, String gender, int age, LocalDate birthDate, Instant createdAt, Instant updatedAt) {}

  private final long seed;
  private final String passwordHash;
  private final Instant now;
  private final LocalDate today;
  private final ZoneId zone;
  private final SyntheticProfiles profiles;

  /** {@code profiles} null: accounts only. */
  SyntheticUsers(long seed, String passwordHash, Clock clock, SyntheticProfiles profiles) {
    this.seed = seed;
    this.passwordHash = passwordHash;
    this.now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    this.zone = clock.getZone();
    this.today = LocalDate.ofInstant(now, zone);
    this.profiles = profiles;
  }

  static String email(long number) {
    return "demo-" + number + "@example.invalid";
  }

  Instant now() {
    return now;
  }

  ZoneId zone() {
    return zone;
  }

  LocalDate today() {
    return today;
  }

  void describe(long number, Batch batch) {
    SplittableRandom random = new SplittableRandom(mix(seed, number));
    UUID id = uuid(random);
    String gender = gender(random);
    int age = age(random);
    LocalDate birthDate = birthDate(random, age);
    Instant createdAt = createdAt(random, birthDate);
    Instant updatedAt = updatedAt(random, createdAt);
    boolean femaleName = gender.equals(WOMAN) || gender.equals(NON_BINARY) && random.nextBoolean();
    // Every demo user has a verified address: only those see others and are shown (the draw that
    // once made 8% unverified stays, so a seed gives the same people as before).
    random.nextInt(100);
    batch
        .account
        .add()
        .put("id", id)
        .put("email", email(number))
        .put("email_verified", true)
        .put("display_name", FirstNames.pick(random, femaleName))
        .put("birth_date", birthDate)
        .put("password_hash", passwordHash)
        .put("status", "ACTIVE")
        .put("created_at", createdAt)
        .put("updated_at", updatedAt);
    batch.account.end();
    if (profiles != null) {
      // A stream of its own, so that adding profile details never changes the accounts of a seed.
      SplittableRandom profileRandom = new SplittableRandom(mix(~seed, number));
      profiles.describe(
          new Person(id, gender, age, birthDate, createdAt, updatedAt), profileRandom, this, batch);
    }
  }

  static UUID uuid(SplittableRandom random) {
    return new UUID(
        random.nextLong() & ~0xF000L | 0x4000L, random.nextLong() >>> 2 | Long.MIN_VALUE);
  }

  /** About 48% men, 48% women, 4% non-binary. */
  private static String gender(SplittableRandom random) {
    int share = random.nextInt(100);
    return share < 48 ? MAN : share < 96 ? WOMAN : NON_BINARY;
  }

  /** Ages 18–70: three in four are 22–40, few are over 50. */
  private static int age(SplittableRandom random) {
    int share = random.nextInt(100);
    if (share < 8) {
      return random.nextInt(18, 22);
    }
    if (share < 83) {
      return 22 + random.nextInt(10) + random.nextInt(10);
    }
    return 41 + Math.min(random.nextInt(30), random.nextInt(30));
  }

  private LocalDate birthDate(SplittableRandom random, int age) {
    LocalDate oldest = today.minusYears(age + 1L);
    long span = ChronoUnit.DAYS.between(oldest, today.minusYears(age));
    return oldest.plusDays(1 + random.nextLong(span));
  }

  private Instant createdAt(SplittableRandom random, LocalDate birthDate) {
    Instant adult = birthDate.plusYears(18).atStartOfDay(zone).toInstant();
    Instant from = later(now.minus(HISTORY), adult);
    return from.plusMillis(random.nextLong(Duration.between(from, now).toMillis() + 1));
  }

  private Instant updatedAt(SplittableRandom random, Instant createdAt) {
    if (random.nextInt(100) < 35) {
      return createdAt;
    }
    return createdAt.plusMillis(random.nextLong(Duration.between(createdAt, now).toMillis() + 1));
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  static long mix(long seed, long number) {
    long z = seed * 0x9E3779B97F4A7C15L + number;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
