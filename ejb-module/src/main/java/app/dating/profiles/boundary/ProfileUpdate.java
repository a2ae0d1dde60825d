package app.dating.profiles.boundary;

import app.dating.profiles.entity.Gender;
import app.dating.profiles.entity.Profile;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Everything the owner edits on their profile, replaced as a whole (PUT): an omitted optional field
 * is cleared. Text is plain text: stored as written (control characters aside) and never rendered
 * as HTML by any client. {@code wantedGenders} empty means everyone.
 */
public record ProfileUpdate(
    @Size(max = Gender.SLUG_MAX) String gender,
    @Size(max = Profile.GENDER_TEXT_MAX) String genderText,
    @NotNull @Size(max = Profile.WANTED_GENDERS_MAX)
        List<@NotNull @Size(max = Gender.SLUG_MAX) String> wantedGenders,
    @NotNull @Min(Profile.AGE_LOWEST) @Max(Profile.AGE_HIGHEST) Integer ageMin,
    @NotNull @Min(Profile.AGE_LOWEST) @Max(Profile.AGE_HIGHEST) Integer ageMax,
    @NotNull @Min(Profile.DISTANCE_MIN_KM) @Max(Profile.DISTANCE_MAX_KM) Integer maxDistanceKm,
    Profile.Intent intent,
    @Size(max = Profile.BIO_MAX) String bio,
    @Size(max = Profile.JOB_MAX) String job,
    @Size(max = Profile.EDUCATION_MAX) String education,
    @Min(Profile.HEIGHT_MIN_CM) @Max(Profile.HEIGHT_MAX_CM) Integer heightCm,
    @NotNull @Size(max = Profile.LANGUAGES_MAX)
        List<@NotNull @Pattern(regexp = "[a-zA-Z]{2}") String> languages,
    @NotNull @Size(max = Profile.PROMPTS_MAX) List<@NotNull @Valid ProfilePrompt> prompts,
    @NotNull @Size(max = Profile.INTERESTS_MAX) List<@NotNull Integer> interests,
    @NotNull Profile.Visibility visibility) {}
