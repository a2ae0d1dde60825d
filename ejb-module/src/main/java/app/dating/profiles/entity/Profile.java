package app.dating.profiles.entity;

import app.dating.profiles.control.LocationGrid;
import app.dating.shared.problem.InvalidInputException;
import app.dating.shared.problem.ProblemType;
import app.dating.shared.problem.RateLimitedException;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedNativeQuery;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.ListIndexBase;
import org.hibernate.type.SqlTypes;

/**
 * A person's dating profile, one per account (same id). It guards its own rules: ranges, counts,
 * lengths, cleaned plain text, and "discoverable only with a gender". Rules that need the
 * catalogues (known gender, prompt and interest ids) are checked by the boundary. The location is
 * only ever a {@link LocationGrid.Cell}: the entity cannot hold a finer position. Violations are
 * {@link InvalidInputException}s naming the field as the API knows it.
 */
@Entity
@Table(name = "profile")
@NamedQuery(
    name = Profile.TOUCH,
    query =
        "update Profile p set p.lastActiveDay = :today"
            + " where p.accountId = :account and (p.lastActiveDay is null or p.lastActiveDay < :today)")
@NamedNativeQuery(
    name = Profile.CREATE_IF_MISSING,
    query =
        "insert into profile (account_id, updated_at) values (:account, :now) on conflict (account_id) do nothing")
public class Profile {
  public static final String TOUCH = "Profile.touch";

  /**
   * The empty profile (the column defaults are those of the constructor); a no-op when it exists.
   */
  public static final String CREATE_IF_MISSING = "Profile.createIfMissing";

  public static final int GENDER_TEXT_MAX = 40;
  public static final int WANTED_GENDERS_MAX = 10;
  public static final int AGE_LOWEST = 18;
  public static final int AGE_HIGHEST = 99;
  public static final int DISTANCE_MIN_KM = 1;
  public static final int DISTANCE_MAX_KM = 300;
  public static final int DEFAULT_DISTANCE_KM = 50;
  public static final int BIO_MAX = 500;
  public static final int JOB_MAX = 100;
  public static final int EDUCATION_MAX = 100;
  public static final int HEIGHT_MIN_CM = 100;
  public static final int HEIGHT_MAX_CM = 250;
  public static final int LANGUAGES_MAX = 5;
  public static final int PROMPTS_MAX = 3;
  public static final int ANSWER_MAX = 200;
  public static final int INTERESTS_MAX = 10;

  private static final Set<String> ISO_639_1 = Set.of(Locale.getISOLanguages());

  /** Who may find the profile. */
  @Schema(name = "ProfileVisibility")
  public enum Visibility {
    /** Shown to others. Needs a gender. */
    DISCOVERABLE,
    /** Taking a break: shown to nobody new, kept as it is. */
    PAUSED,
    /** Not shown; every new profile starts hidden. */
    HIDDEN
  }

  /** What the person is looking for. */
  @Schema(name = "DatingIntent")
  public enum Intent {
    LONG_TERM,
    LONG_TERM_OPEN_TO_SHORT,
    SHORT_TERM_OPEN_TO_LONG,
    SHORT_TERM,
    FRIENDSHIP,
    FIGURING_OUT
  }

  @Id
  @Column(name = "account_id")
  private UUID accountId;

  @Column(length = Gender.SLUG_MAX)
  private String gender;

  @Column(name = "gender_text", length = GENDER_TEXT_MAX)
  private String genderText;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "wanted_genders", nullable = false, columnDefinition = "text[]")
  private String[] wantedGenders = new String[0];

  @Column(name = "age_min", nullable = false)
  private short ageMin = AGE_LOWEST;

  @Column(name = "age_max", nullable = false)
  private short ageMax = AGE_HIGHEST;

  @Column(name = "max_distance_km", nullable = false)
  private short maxDistanceKm = DEFAULT_DISTANCE_KM;

  @Enumerated(EnumType.STRING)
  @Column(length = 30)
  private Intent intent;

  @Column(length = BIO_MAX)
  private String bio;

  @Column(length = JOB_MAX)
  private String job;

  @Column(length = EDUCATION_MAX)
  private String education;

  @Column(name = "height_cm")
  private Short heightCm;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(nullable = false, columnDefinition = "text[]")
  private String[] languages = new String[0];

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Visibility visibility = Visibility.HIDDEN;

  @Column(name = "last_active_day")
  private LocalDate lastActiveDay;

  /** Centre of the grid cell, never the position sent. */
  @Column(name = "cell_lat")
  private Double cellLatitude;

  @Column(name = "cell_lon")
  private Double cellLongitude;

  /** When the cell was last set or confirmed: the start of the next move's implied speed. */
  @Column(name = "located_at")
  private Instant locatedAt;

  /** The UTC day {@link #locationChanges} counts. */
  @Column(name = "location_day")
  private LocalDate locationDay;

  /** How often the cell changed on {@link #locationDay}. */
  @Column(name = "location_changes", nullable = false)
  private short locationChanges;

  @ElementCollection
  @CollectionTable(name = "profile_prompt", joinColumns = @JoinColumn(name = "account_id"))
  @OrderColumn(name = "position")
  @ListIndexBase(1)
  private List<PromptAnswer> prompts = new ArrayList<>();

  @ElementCollection
  @CollectionTable(name = "profile_interest", joinColumns = @JoinColumn(name = "account_id"))
  @Column(name = "interest_id", nullable = false)
  private Set<Integer> interests = new HashSet<>();

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected Profile() {}

  /** The empty profile of a new account: hidden, default preferences, no location. */
  public Profile(UUID accountId, Instant now) {
    this.accountId = Objects.requireNonNull(accountId);
    this.updatedAt = now;
  }

  /**
   * Who the person is: a gender slug of the catalogue (or none yet) and optional words of their
   * own. Without a gender the profile cannot stay discoverable and is hidden.
   */
  public void identify(String genderSlug, String ownWords) {
    String words = PlainText.line(ownWords);
    if (words != null && words.length() > GENDER_TEXT_MAX) {
      throw InvalidInputException.of("genderText", "At most " + GENDER_TEXT_MAX + " characters.");
    }
    if (genderSlug == null && words != null) {
      throw InvalidInputException.of(
          "genderText", "Choose a gender first (\"other\" to describe it in your words).");
    }
    this.gender = genderSlug;
    this.genderText = words;
    if (genderSlug == null && visibility == Visibility.DISCOVERABLE) {
      visibility = Visibility.HIDDEN;
    }
  }

  /** Who the person wants to see: genders (none means everyone), an age range, a distance. */
  public void seek(Collection<String> genderSlugs, int lowestAge, int highestAge, int distanceKm) {
    Set<String> wanted = new TreeSet<>(Objects.requireNonNull(genderSlugs));
    if (wanted.size() > WANTED_GENDERS_MAX) {
      throw InvalidInputException.of(
          "wantedGenders", "At most " + WANTED_GENDERS_MAX + " genders.");
    }
    requireBetween("ageMin", lowestAge, AGE_LOWEST, AGE_HIGHEST);
    requireBetween("ageMax", highestAge, AGE_LOWEST, AGE_HIGHEST);
    if (lowestAge > highestAge) {
      throw InvalidInputException.of("ageMin", "Must not be greater than ageMax.");
    }
    requireBetween("maxDistanceKm", distanceKm, DISTANCE_MIN_KM, DISTANCE_MAX_KM);
    this.wantedGenders = wanted.toArray(String[]::new);
    this.ageMin = (short) lowestAge;
    this.ageMax = (short) highestAge;
    this.maxDistanceKm = (short) distanceKm;
  }

  /**
   * What the person tells about themselves; all optional. Text is cleaned (see {@link PlainText}).
   */
  public void describe(
      String bio,
      String job,
      String education,
      Integer heightCm,
      List<String> languages,
      Intent intent) {
    String cleanBio = requireLength("bio", PlainText.lines(bio), BIO_MAX);
    String cleanJob = requireLength("job", PlainText.line(job), JOB_MAX);
    String cleanEducation = requireLength("education", PlainText.line(education), EDUCATION_MAX);
    if (heightCm != null) {
      requireBetween("heightCm", heightCm, HEIGHT_MIN_CM, HEIGHT_MAX_CM);
    }
    Set<String> codes = new LinkedHashSet<>();
    for (String language : Objects.requireNonNull(languages)) {
      String code = language == null ? "" : language.strip().toLowerCase(Locale.ROOT);
      if (code.length() != 2 || !ISO_639_1.contains(code)) {
        throw InvalidInputException.of(
            "languages", "Use ISO 639-1 codes such as \"en\" or \"fr\".");
      }
      codes.add(code);
    }
    if (codes.size() > LANGUAGES_MAX) {
      throw InvalidInputException.of("languages", "At most " + LANGUAGES_MAX + " languages.");
    }
    this.bio = cleanBio;
    this.job = cleanJob;
    this.education = cleanEducation;
    this.heightCm = heightCm == null ? null : heightCm.shortValue();
    this.languages = codes.toArray(String[]::new);
    this.intent = intent;
  }

  /** Replaces the prompt answers, in order (position 1 first); each prompt at most once. */
  public void answer(List<PromptAnswer> answers) {
    if (answers.size() > PROMPTS_MAX) {
      throw InvalidInputException.of("prompts", "At most " + PROMPTS_MAX + " prompts.");
    }
    List<PromptAnswer> cleaned = new ArrayList<>();
    Set<Integer> seen = new HashSet<>();
    for (PromptAnswer given : answers) {
      String text = PlainText.lines(given.answer());
      if (text == null) {
        throw InvalidInputException.of("prompts", "An answer must not be blank.");
      }
      requireLength("prompts", text, ANSWER_MAX);
      if (!seen.add(given.promptId())) {
        throw InvalidInputException.of("prompts", "Each prompt can be answered once.");
      }
      cleaned.add(new PromptAnswer(given.promptId(), text));
    }
    // Mutated in place: Hibernate then updates rows by position instead of recreating them all.
    prompts.clear();
    prompts.addAll(cleaned);
  }

  /** Replaces the interests (ids of the taxonomy); duplicates count once. */
  public void interestedIn(Collection<Integer> interestIds) {
    Set<Integer> ids = new HashSet<>(interestIds);
    if (ids.contains(null)) {
      throw InvalidInputException.of("interests", "Unknown interest.");
    }
    if (ids.size() > INTERESTS_MAX) {
      throw InvalidInputException.of("interests", "At most " + INTERESTS_MAX + " interests.");
    }
    interests.retainAll(ids);
    interests.addAll(ids);
  }

  /** Changes who may find the profile; discoverable needs a gender. */
  public void show(Visibility wanted) {
    Objects.requireNonNull(wanted);
    if (wanted == Visibility.DISCOVERABLE && gender == null) {
      throw InvalidInputException.of("visibility", "Choose a gender before becoming discoverable.");
    }
    this.visibility = wanted;
  }

  /**
   * What a position update did: whether the cell changed, and the speed the change implies (km/h,
   * see {@link LocationGrid#impliedSpeedKmh}; 0 for a first position or no change).
   */
  public record Relocation(boolean changed, double impliedKmh) {}

  /**
   * The owner is somewhere in this cell now. Moving to another cell is a change, and a UTC day has
   * at most {@code changesPerDay} of them: moving a fake position around someone to trilaterate
   * them takes a change per probe. Beyond the limit the position stays and the update is refused
   * until midnight UTC; the cell one is in again is no change (it only notes the time).
   *
   * @throws RateLimitedException ({@link ProblemType#DAILY_LIMIT}) over the day's changes
   */
  public Relocation relocate(LocationGrid.Cell to, Instant now, int changesPerDay) {
    Optional<LocationGrid.Cell> from = cell();
    if (from.isPresent() && from.get().equals(to)) {
      locatedAt = now;
      return new Relocation(false, 0);
    }
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    int changes = today.equals(locationDay) ? locationChanges : 0;
    if (changes >= changesPerDay) {
      throw new RateLimitedException(
          ProblemType.DAILY_LIMIT,
          "Your position changed "
              + changesPerDay
              + " times today, the most a day allows; it stays where it is until midnight UTC.",
          Duration.between(now, today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
    }
    double kmh =
        from.isPresent() && locatedAt != null
            ? LocationGrid.impliedSpeedKmh(from.get(), to, Duration.between(locatedAt, now))
            : 0;
    cellLatitude = to.centreLatitude();
    cellLongitude = to.centreLongitude();
    locatedAt = now;
    locationDay = today;
    locationChanges = (short) (changes + 1);
    return new Relocation(true, kmh);
  }

  /** Notes activity on a day; true when that changed anything (at most once a day). */
  public boolean touch(LocalDate today) {
    if (lastActiveDay != null && !today.isAfter(lastActiveDay)) {
      return false;
    }
    lastActiveDay = today;
    return true;
  }

  public void changedAt(Instant now) {
    this.updatedAt = now;
  }

  public boolean isDiscoverable() {
    return visibility == Visibility.DISCOVERABLE;
  }

  /** The cell of the owner, when they shared a location. */
  public Optional<LocationGrid.Cell> cell() {
    if (cellLatitude == null || cellLongitude == null) {
      return Optional.empty();
    }
    return Optional.of(LocationGrid.cellOf(cellLatitude, cellLongitude));
  }

  private static void requireBetween(String field, int value, int min, int max) {
    if (value < min || value > max) {
      throw InvalidInputException.of(field, "Must be between " + min + " and " + max + ".");
    }
  }

  private static String requireLength(String field, String value, int max) {
    if (value != null && value.length() > max) {
      throw InvalidInputException.of(field, "At most " + max + " characters.");
    }
    return value;
  }

  public UUID accountId() {
    return accountId;
  }

  public String gender() {
    return gender;
  }

  public String genderText() {
    return genderText;
  }

  public List<String> wantedGenders() {
    return List.of(wantedGenders);
  }

  public int ageMin() {
    return ageMin;
  }

  public int ageMax() {
    return ageMax;
  }

  public int maxDistanceKm() {
    return maxDistanceKm;
  }

  public Intent intent() {
    return intent;
  }

  public String bio() {
    return bio;
  }

  public String job() {
    return job;
  }

  public String education() {
    return education;
  }

  public Integer heightCm() {
    return heightCm == null ? null : heightCm.intValue();
  }

  public List<String> languages() {
    return Arrays.asList(languages.clone());
  }

  public Visibility visibility() {
    return visibility;
  }

  public LocalDate lastActiveDay() {
    return lastActiveDay;
  }

  public List<PromptAnswer> prompts() {
    return List.copyOf(prompts);
  }

  /** Interest ids in ascending order. */
  public List<Integer> interests() {
    return interests.stream().sorted().toList();
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
