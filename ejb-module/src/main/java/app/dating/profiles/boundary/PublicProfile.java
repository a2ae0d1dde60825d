package app.dating.profiles.boundary;

import app.dating.profiles.entity.Profile;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What others see of a profile. Deliberately without email, birth date (the age only), location (a
 * distance in whole km, at least 1, between ~1 km grid cells) and the private settings (wanted
 * genders, age range, maximum distance). {@code distanceKm} is null when either person has not
 * shared a location.
 */
public record PublicProfile(
    UUID id,
    String displayName,
    int age,
    String gender,
    String genderText,
    Profile.Intent intent,
    String bio,
    List<Prompt> prompts,
    List<InterestView> interests,
    String job,
    String education,
    Integer heightCm,
    List<String> languages,
    Integer distanceKm,
    List<UUID> photos) {

  /** An answered prompt, with its question. */
  @Schema(name = "PromptAnswer")
  public record Prompt(int promptId, String question, String answer) {}
}
