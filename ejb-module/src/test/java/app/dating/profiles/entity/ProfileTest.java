package app.dating.profiles.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dating.profiles.control.LocationGrid;
import app.dating.profiles.entity.Profile.Visibility;
import app.dating.shared.problem.InvalidInputException;
import app.dating.shared.problem.ProblemType;
import app.dating.shared.problem.RateLimitedException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProfileTest {
  private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

  private static Profile profile() {
    return new Profile(UUID.randomUUID(), NOW);
  }

  private static void assertRejected(String field, Executable change) {
    InvalidInputException e = assertThrows(InvalidInputException.class, change);
    assertEquals(field, e.violations().get(0).field());
  }

  @Test
  void startsHiddenWithDefaults() {
    Profile profile = profile();
    assertEquals(Visibility.HIDDEN, profile.visibility());
    assertEquals(18, profile.ageMin());
    assertEquals(99, profile.ageMax());
    assertEquals(Profile.DEFAULT_DISTANCE_KM, profile.maxDistanceKm());
    assertTrue(profile.cell().isEmpty());
    assertTrue(profile.prompts().isEmpty());
  }

  @Test
  void becomesDiscoverableOnlyWithAGender() {
    Profile profile = profile();
    assertRejected("visibility", () -> profile.show(Visibility.DISCOVERABLE));
    profile.identify("woman", null);
    profile.show(Visibility.DISCOVERABLE);
    assertTrue(profile.isDiscoverable());
    profile.identify(null, null);
    assertEquals(Visibility.HIDDEN, profile.visibility());
  }

  @Test
  void ownWordsForTheGenderAreShortAndNeedAGender() {
    Profile profile = profile();
    assertRejected("genderText", () -> profile.identify(null, "genderfluid"));
    assertRejected("genderText", () -> profile.identify("other", "x".repeat(41)));
    profile.identify("other", "  genderfluid\t ");
    assertEquals("genderfluid", profile.genderText());
  }

  @ParameterizedTest
  @CsvSource({
    "17, 30, 50, ageMin",
    "18, 100, 50, ageMax",
    "40, 30, 50, ageMin",
    "18, 99, 0, maxDistanceKm",
    "18, 99, 301, maxDistanceKm"
  })
  void keepsTheAgeRangeAndDistanceWithinBounds(int min, int max, int km, String field) {
    assertRejected(field, () -> profile().seek(List.of(), min, max, km));
  }

  @Test
  void acceptsTheWidestAndNarrowestRanges() {
    Profile profile = profile();
    profile.seek(List.of("man", "woman", "man"), 30, 30, 300);
    assertEquals(List.of("man", "woman"), profile.wantedGenders());
    profile.seek(List.of(), 18, 99, 1);
    assertEquals(18, profile.ageMin());
    assertEquals(1, profile.maxDistanceKm());
  }

  @Test
  void answersAtMostThreePromptsEachOnce() {
    Profile profile = profile();
    assertRejected(
        "prompts",
        () ->
            profile.answer(
                List.of(
                    new PromptAnswer(1, "a"),
                    new PromptAnswer(2, "b"),
                    new PromptAnswer(3, "c"),
                    new PromptAnswer(4, "d"))));
    assertRejected(
        "prompts",
        () -> profile.answer(List.of(new PromptAnswer(1, "a"), new PromptAnswer(1, "b"))));
    assertRejected("prompts", () -> profile.answer(List.of(new PromptAnswer(1, " \u0007 "))));
    assertRejected("prompts", () -> profile.answer(List.of(new PromptAnswer(1, "x".repeat(201)))));
    profile.answer(List.of(new PromptAnswer(3, "c"), new PromptAnswer(1, "a\r\nb")));
    assertEquals(List.of(new PromptAnswer(3, "c"), new PromptAnswer(1, "a\nb")), profile.prompts());
  }

  @Test
  void holdsAtMostTenInterests() {
    Profile profile = profile();
    List<Integer> eleven = IntStream.rangeClosed(1, 11).boxed().toList();
    assertRejected("interests", () -> profile.interestedIn(eleven));
    profile.interestedIn(List.of(5, 1, 2, 3, 4, 6, 7, 8, 9, 10, 10));
    assertEquals(IntStream.rangeClosed(1, 10).boxed().toList(), profile.interests());
    profile.interestedIn(List.of(42));
    assertEquals(List.of(42), profile.interests());
  }

  @Test
  void languagesAreIsoCodesAtMostFive() {
    Profile profile = profile();
    assertRejected(
        "languages", () -> profile.describe(null, null, null, null, List.of("xx"), null));
    assertRejected(
        "languages", () -> profile.describe(null, null, null, null, List.of("eng"), null));
    assertRejected(
        "languages",
        () ->
            profile.describe(
                null, null, null, null, List.of("en", "fr", "de", "es", "it", "pt"), null));
    profile.describe(null, null, null, null, List.of("EN", " fr", "en"), Profile.Intent.LONG_TERM);
    assertEquals(List.of("en", "fr"), profile.languages());
    assertEquals(Profile.Intent.LONG_TERM, profile.intent());
  }

  @Test
  void bioIsPlainTextOfAtMost500Characters() {
    Profile profile = profile();
    assertRejected(
        "bio", () -> profile.describe("x".repeat(501), null, null, null, List.of(), null));
    assertRejected("heightCm", () -> profile.describe(null, null, null, 99, List.of(), null));
    assertRejected("heightCm", () -> profile.describe(null, null, null, 251, List.of(), null));
    assertRejected(
        "job", () -> profile.describe(null, "j".repeat(101), null, null, List.of(), null));
    profile.describe(
        " I like <b>bold</b>\u0000 coffee\u202E\nand \"tea\" ",
        "Nurse\nat night",
        "   ",
        180,
        List.of(),
        null);
    assertEquals("I like <b>bold</b> coffee\nand \"tea\"", profile.bio());
    assertEquals("Nurse at night", profile.job());
    assertNull(profile.education());
    assertEquals(180, profile.heightCm());
  }

  @Test
  void keepsOnlyTheGridCell() {
    Profile profile = profile();
    LocationGrid.Cell cell = LocationGrid.cellOf(52.52, 13.405);
    profile.relocate(cell, NOW, 20);
    assertEquals(cell, profile.cell().orElseThrow());
  }

  @Test
  void aDayHasALimitedNumberOfPositionChangesAndTheSameCellIsNone() {
    Profile profile = profile();
    for (int i = 0; i < 3; i++) {
      assertTrue(
          profile
              .relocate(LocationGrid.cellOf(52.52 + 0.02 * i, 13.405), NOW.plusSeconds(i), 3)
              .changed());
    }
    LocationGrid.Cell last = LocationGrid.cellOf(52.56, 13.405);
    assertFalse(profile.relocate(last, NOW.plusSeconds(10), 3).changed(), "the same cell again");
    RateLimitedException limited =
        assertThrows(
            RateLimitedException.class,
            () -> profile.relocate(LocationGrid.cellOf(52.60, 13.405), NOW.plusSeconds(20), 3));
    assertEquals(ProblemType.DAILY_LIMIT, limited.type());
    assertEquals(
        Duration.between(NOW.plusSeconds(20), Instant.parse("2026-11-26T00:00:00Z")),
        limited.retryAfter(),
        "until midnight UTC");
    assertEquals(last, profile.cell().orElseThrow(), "the position stays");
    assertTrue(
        profile
            .relocate(LocationGrid.cellOf(52.60, 13.405), Instant.parse("2026-11-26T00:00:01Z"), 3)
            .changed(),
        "a new day");
  }

  @Test
  void aMoveImpliesASpeedFromWhenThePreviousCellWasLastConfirmed() {
    Profile profile = profile();
    LocationGrid.Cell berlin = LocationGrid.cellOf(52.52, 13.405);
    assertEquals(
        0, profile.relocate(berlin, NOW, 20).impliedKmh(), "a first position implies nothing");
    profile.relocate(berlin, NOW.plus(Duration.ofHours(10)), 20);
    Profile.Relocation flown =
        profile.relocate(LocationGrid.cellOf(48.8566, 2.3522), NOW.plus(Duration.ofHours(12)), 20);
    assertTrue(
        flown.impliedKmh() > 400 && flown.impliedKmh() < 500, "Berlin to Paris in 2 h: " + flown);
    Profile.Relocation jumped =
        profile.relocate(
            LocationGrid.cellOf(-33.8688, 151.2093),
            NOW.plus(Duration.ofHours(12)).plusSeconds(30),
            20);
    assertTrue(jumped.impliedKmh() > 1_000_000, "Paris to Sydney in 30 s: " + jumped);
  }

  @Test
  void notesActivityAtMostOnceADay() {
    Profile profile = profile();
    LocalDate today = LocalDate.of(2026, 11, 25);
    assertTrue(profile.touch(today));
    assertFalse(profile.touch(today));
    assertFalse(profile.touch(today.minusDays(1)));
    assertTrue(profile.touch(today.plusDays(1)));
    assertEquals(today.plusDays(1), profile.lastActiveDay());
  }
}
