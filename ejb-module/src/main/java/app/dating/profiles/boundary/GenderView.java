package app.dating.profiles.boundary;

import app.dating.profiles.entity.Gender;

/** A gender of the catalogue; profiles store the slug. "other" means: described in genderText. */
public record GenderView(String slug, String label) {

  static GenderView of(Gender gender) {
    return new GenderView(gender.slug(), gender.label());
  }
}
