package app.dating.profiles.boundary;

import app.dating.profiles.entity.Interest;

/** An interest of the taxonomy; profiles store the id. */
public record InterestView(int id, String slug, String label, String category) {

  static InterestView of(Interest interest) {
    return new InterestView(interest.id(), interest.slug(), interest.label(), interest.category());
  }
}
