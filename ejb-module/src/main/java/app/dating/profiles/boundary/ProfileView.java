package app.dating.profiles.boundary;

import app.dating.identity.entity.Account;
import app.dating.profiles.entity.Profile;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The owner's view of their profile: the editable fields in the shape {@link ProfileUpdate} takes
 * back, plus name and birth date (edited on the account) and whether a location is shared. The
 * location itself is never shown, not even to its owner.
 */
public record ProfileView(
    UUID accountId,
    String displayName,
    LocalDate birthDate,
    int age,
    String gender,
    String genderText,
    List<String> wantedGenders,
    int ageMin,
    int ageMax,
    int maxDistanceKm,
    Profile.Intent intent,
    String bio,
    String job,
    String education,
    Integer heightCm,
    List<String> languages,
    List<ProfilePrompt> prompts,
    List<Integer> interests,
    Profile.Visibility visibility,
    boolean locationShared,
    LocalDate lastActiveDay,
    Instant updatedAt) {

  public static ProfileView of(Profile profile, Account account, LocalDate today) {
    return new ProfileView(
        profile.accountId(),
        account.displayName(),
        account.birthDate(),
        account.ageOn(today),
        profile.gender(),
        profile.genderText(),
        profile.wantedGenders(),
        profile.ageMin(),
        profile.ageMax(),
        profile.maxDistanceKm(),
        profile.intent(),
        profile.bio(),
        profile.job(),
        profile.education(),
        profile.heightCm(),
        profile.languages(),
        profile.prompts().stream().map(ProfilePrompt::of).toList(),
        profile.interests(),
        profile.visibility(),
        profile.cell().isPresent(),
        profile.lastActiveDay(),
        profile.updatedAt());
  }
}
