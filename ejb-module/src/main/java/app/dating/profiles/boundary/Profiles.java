package app.dating.profiles.boundary;

import app.dating.events.boundary.DomainEvent;
import app.dating.events.boundary.Events;
import app.dating.identity.entity.Account;
import app.dating.media.entity.Photo;
import app.dating.profiles.control.LocationGrid;
import app.dating.profiles.entity.Gender;
import app.dating.profiles.entity.Interest;
import app.dating.profiles.entity.Profile;
import app.dating.profiles.entity.Prompt;
import app.dating.profiles.entity.PromptAnswer;
import app.dating.ratelimit.boundary.RateLimit;
import app.dating.ratelimit.boundary.RateLimiter;
import app.dating.shared.json.JsonP;
import app.dating.shared.problem.BusinessException;
import app.dating.shared.problem.InvalidInputException;
import app.dating.visibility.boundary.Visibility;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Profiles: the owner's own (created hidden on first read), the public view of others (only what
 * {@link Visibility} allows, and "not found" for everything else so existence does not leak), the
 * location (kept as a ~1 km grid cell only, see {@link LocationGrid}) and the seeded catalogues.
 */
@Stateless
public class Profiles {
  @PersistenceContext EntityManager em;

  /**
   * Moving one's position around a victim is how distances get trilaterated: the grid defeats it,
   * and this slows it.
   */
  static final RateLimit LOCATION_UPDATES =
      new RateLimit("location-update", 60, Duration.ofHours(1));

  /** Viewing is cheap to abuse for scraping. */
  static final RateLimit PROFILE_VIEWS = new RateLimit("profile-view", 600, Duration.ofHours(1));

  /**
   * Faster than an airliner's ground speed: a position that moved this fast (beyond the wander of
   * {@link LocationGrid#WANDER_KM}) is flagged for the moderators ({@link
   * DomainEvent#POSITION_JUMP}).
   */
  static final double IMPLAUSIBLE_KMH = 1_000;

  /**
   * How many times a day a person's position (its grid cell) may change: enough for a day out, too
   * few to walk a fake position around someone (see {@link Profile#relocate}).
   */
  @Inject
  @ConfigProperty(name = "profiles.location-changes-per-day", defaultValue = "20")
  int locationChangesPerDay;

  @Inject Visibility visibility;

  @Inject Events events;

  @Inject RateLimiter limiter;

  @Inject Clock clock;

  /** The caller's profile; an empty, hidden one is created the first time. */
  public ProfileView mine(UUID accountId) {
    Account account = active(accountId);
    Profile profile = ownProfile(accountId);
    profile.touch(today());
    return ProfileView.of(profile, account, today());
  }

  /** Replaces every editable field. Violations name the field as {@link ProfileUpdate} does. */
  public ProfileView update(UUID accountId, ProfileUpdate update) {
    Account account = active(accountId);
    Profile profile = ownProfile(accountId);
    Set<String> genders = genderSlugs();
    String gender =
        update.gender() == null || update.gender().isBlank()
            ? null
            : normalizeSlug(update.gender());
    if (gender != null && !genders.contains(gender)) {
      throw InvalidInputException.of("gender", "Unknown gender; see /catalogue/genders.");
    }
    List<String> wanted = update.wantedGenders().stream().map(Profiles::normalizeSlug).toList();
    if (!genders.containsAll(wanted)) {
      throw InvalidInputException.of("wantedGenders", "Unknown gender; see /catalogue/genders.");
    }
    for (ProfilePrompt prompt : update.prompts()) {
      if (prompt.promptId() == null || em.find(Prompt.class, prompt.promptId()) == null) {
        throw InvalidInputException.of("prompts", "Unknown prompt; see /catalogue/prompts.");
      }
    }
    Set<Integer> interestIds = new HashSet<>(update.interests());
    if (interestIds.size() > Profile.INTERESTS_MAX) {
      throw InvalidInputException.of(
          "interests", "At most " + Profile.INTERESTS_MAX + " interests.");
    }
    if (interests(interestIds).size() != interestIds.size()) {
      throw InvalidInputException.of("interests", "Unknown interest; see /catalogue/interests.");
    }

    profile.identify(gender, update.genderText());
    profile.seek(wanted, update.ageMin(), update.ageMax(), update.maxDistanceKm());
    profile.describe(
        update.bio(),
        update.job(),
        update.education(),
        update.heightCm(),
        update.languages(),
        update.intent());
    profile.answer(
        update.prompts().stream()
            .map(p -> new PromptAnswer(p.promptId(), p.answer() == null ? "" : p.answer()))
            .toList());
    profile.interestedIn(interestIds);
    profile.show(update.visibility());
    profile.touch(today());
    profile.changedAt(clock.instant());
    return ProfileView.of(profile, account, today());
  }

  /** Keeps the grid cell of the position, never the position itself. */
  public void updateLocation(UUID accountId, double latitude, double longitude) {
    limiter.consume(LOCATION_UPDATES, accountId.toString());
    if (!Double.isFinite(latitude) || latitude < -90 || latitude > 90) {
      throw InvalidInputException.of("latitude", "Must be between -90 and 90.");
    }
    if (!Double.isFinite(longitude) || longitude < -180 || longitude > 180) {
      throw InvalidInputException.of("longitude", "Must be between -180 and 180.");
    }
    active(accountId);
    Profile profile = ownProfile(accountId);
    Instant now = clock.instant();
    Profile.Relocation moved =
        profile.relocate(LocationGrid.cellOf(latitude, longitude), now, locationChangesPerDay);
    profile.touch(today());
    if (moved.impliedKmh() > IMPLAUSIBLE_KMH) {
      events.publish(
          DomainEvent.POSITION_JUMP,
          JsonP.object()
              .add("account", accountId.toString())
              .add("speedKmh", Math.round(moved.impliedKmh()))
              .add("at", now.toString())
              .build());
    }
  }

  /**
   * Another person's profile as the viewer may see it. Missing, hidden, paused, unverified,
   * suspended, deleted and blocked all look the same: not found. A viewer whose own address is not
   * verified sees nobody's.
   */
  public PublicProfile view(UUID viewerId, UUID accountId) {
    limiter.consume(PROFILE_VIEWS, viewerId.toString());
    visibility.requireSees(viewerId, accountId, "Profile");
    Profile owner = em.find(Profile.class, accountId);
    Account ownerAccount = em.find(Account.class, accountId);
    if (owner == null || ownerAccount == null) {
      throw BusinessException.notFound("Profile");
    }
    Integer distance =
        Optional.ofNullable(em.find(Profile.class, viewerId))
            .flatMap(Profile::cell)
            .flatMap(
                viewerCell ->
                    owner.cell().map(ownerCell -> LocationGrid.displayedKm(viewerCell, ownerCell)))
            .orElse(null);
    Map<Integer, String> questions =
        prompts().stream().collect(Collectors.toMap(PromptView::id, PromptView::text));
    return new PublicProfile(
        owner.accountId(),
        ownerAccount.displayName(),
        ownerAccount.ageOn(today()),
        owner.gender(),
        owner.genderText(),
        owner.intent(),
        owner.bio(),
        owner.prompts().stream()
            .map(
                p ->
                    new PublicProfile.Prompt(p.promptId(), questions.get(p.promptId()), p.answer()))
            .toList(),
        interests(new HashSet<>(owner.interests())).stream().map(InterestView::of).toList(),
        owner.job(),
        owner.education(),
        owner.heightCm(),
        owner.languages(),
        distance,
        em.createNamedQuery(Photo.READY_IDS_OF_ACCOUNT, UUID.class)
            .setParameter("account", accountId)
            .getResultList());
  }

  /** Notes that the person was active today; writes at most once a day. True when it wrote. */
  public boolean touch(UUID accountId, LocalDate today) {
    return em.createNamedQuery(Profile.TOUCH)
            .setParameter("account", accountId)
            .setParameter("today", today)
            .executeUpdate()
        > 0;
  }

  public List<InterestView> interests() {
    return em.createNamedQuery(Interest.ALL, Interest.class)
        .getResultStream()
        .map(InterestView::of)
        .toList();
  }

  public List<PromptView> prompts() {
    return em.createNamedQuery(Prompt.ALL, Prompt.class)
        .getResultStream()
        .map(PromptView::of)
        .toList();
  }

  public List<GenderView> genders() {
    return em.createNamedQuery(Gender.ALL, Gender.class)
        .getResultStream()
        .map(GenderView::of)
        .toList();
  }

  private List<Interest> interests(Set<Integer> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return em.createNamedQuery(Interest.BY_IDS, Interest.class)
        .setParameter("ids", ids)
        .getResultList();
  }

  private Set<String> genderSlugs() {
    return genders().stream().map(GenderView::slug).collect(Collectors.toSet());
  }

  private static String normalizeSlug(String slug) {
    return slug.strip().toLowerCase(Locale.ROOT);
  }

  /** The profile of an account, created (hidden, defaults) if it has none; safe when two race. */
  private Profile ownProfile(UUID accountId) {
    Profile existing = em.find(Profile.class, accountId);
    if (existing != null) {
      return existing;
    }
    em.createNamedQuery(Profile.CREATE_IF_MISSING)
        .setParameter("account", accountId)
        .setParameter("now", clock.instant())
        .executeUpdate();
    return em.find(Profile.class, accountId);
  }

  private Account active(UUID accountId) {
    return Optional.ofNullable(em.find(Account.class, accountId))
        .filter(account -> account.status() == Account.Status.ACTIVE)
        .orElseThrow(() -> BusinessException.notFound("Account"));
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(ZoneOffset.UTC));
  }
}
