package app.dating.profiles.control;

import app.dating.identity.boundary.PersonalDataExport;
import app.dating.identity.entity.Account;
import app.dating.profiles.boundary.ProfileView;
import app.dating.profiles.entity.Profile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** The profile part of a data export: the profile, and the one location cell kept. */
@ApplicationScoped
public class ProfileExport {
  @PersistenceContext EntityManager em;
  @Inject Clock clock;

  /** The only position kept: the centre of a grid cell of about 1 km. */
  public record LocationCell(double cellCentreLatitude, double cellCentreLongitude, String note) {}

  void export(@Observes PersonalDataExport export) {
    Profile profile = em.find(Profile.class, export.accountId());
    Account account = em.find(Account.class, export.accountId());
    if (profile == null || account == null) {
      return;
    }
    export.section(
        "profile", ProfileView.of(profile, account, LocalDate.now(clock.withZone(ZoneOffset.UTC))));
    profile
        .cell()
        .ifPresent(
            cell ->
                export.section(
                    "location",
                    new LocationCell(
                        cell.centreLatitude(),
                        cell.centreLongitude(),
                        "Only the centre of this grid cell (about 1 km across) is kept, never the position sent.")));
  }
}
