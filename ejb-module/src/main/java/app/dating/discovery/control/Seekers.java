package app.dating.discovery.control;

import app.dating.identity.entity.Account;
import app.dating.profiles.control.LocationGrid;
import app.dating.profiles.entity.Profile;
import app.dating.shared.problem.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;

/** A person as the feed, the rankers and the daily pick see them: filters, place, interests. */
@ApplicationScoped
public class Seekers {
  @PersistenceContext EntityManager em;

  @Inject Clock clock;

  /** The seeker, or a 400 problem that says what to fill in first. */
  public Seeker of(UUID me) {
    Profile profile = em.find(Profile.class, me);
    Account account = em.find(Account.class, me);
    if (profile == null || account == null) {
      throw InvalidInputException.of(
          "profile", "Fill in your profile and share your location to see people.");
    }
    LocationGrid.Cell cell =
        profile
            .cell()
            .orElseThrow(
                () ->
                    InvalidInputException.of(
                        "location", "Share your location to see people near you."));
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    return new Seeker(
        me,
        profile.gender(),
        profile.wantedGenders(),
        account.ageOn(today),
        profile.ageMin(),
        profile.ageMax(),
        profile.maxDistanceKm(),
        cell.centreLatitude(),
        cell.centreLongitude(),
        Set.copyOf(profile.interests()),
        today);
  }
}
