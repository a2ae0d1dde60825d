package app.dating.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dating.it.Platform.Reply;
import app.dating.profiles.control.LocationGrid;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The trilateration attacker, played through the API: they move their own (fake) position around a
 * victim, read the distance the victim's profile shows each time, and estimate where the victim is.
 * Distances come from ~1 km grid cells, so the attacker learns the cell and no more.
 */
class LocationPrivacyIT {
  private static final int PROBES = 40;
  private static final double KM_PER_DEGREE = Math.toRadians(LocationGrid.EARTH_RADIUS_KM);

  /**
   * The most position changes one account gets a day (PROFILES_LOCATION_CHANGES_PER_DAY): the
   * attacker needs a verified account for every so many probes.
   */
  private static final int CHANGES_PER_ACCOUNT = 20;

  /** The answers the attacker gets for a fixed list of probe positions around the victim's area. */
  private static List<Integer> answers(String victimId, List<double[]> probes) {
    List<Integer> shown = new ArrayList<>();
    Api attacker = null;
    for (int i = 0; i < probes.size(); i++) {
      if (i % CHANGES_PER_ACCOUNT == 0) {
        attacker = new Api().bearer(Api.registerVerified().accessToken());
      }
      double[] probe = probes.get(i);
      Reply moved =
          attacker.put(
              "/api/v1/me/location",
              "{\"latitude\":" + probe[0] + ",\"longitude\":" + probe[1] + "}");
      assertEquals(204, moved.status(), moved::toString);
      Reply seen = attacker.get("/api/v1/profiles/" + victimId);
      assertEquals(200, seen.status(), seen::toString);
      shown.add(seen.json().getInt("distanceKm"));
    }
    return shown;
  }

  private static List<double[]> probesAround(double lat, double lon, Random random) {
    List<double[]> probes = new ArrayList<>();
    for (int i = 0; i < PROBES; i++) {
      double km = 0.3 + 4 * random.nextDouble();
      double angle = 2 * Math.PI * random.nextDouble();
      probes.add(offset(lat, lon, km * Math.cos(angle), km * Math.sin(angle)));
    }
    return probes;
  }

  private static double[] offset(double lat, double lon, double northKm, double eastKm) {
    return new double[] {
      lat + northKm / KM_PER_DEGREE, lon + eastKm / (KM_PER_DEGREE * Math.cos(Math.toRadians(lat)))
    };
  }

  /**
   * The attacker's best guess: the centre of the points (25 m lattice) whose rounded distances
   * explain the most answers, as if the server rounded exact distances.
   */
  private static double[] estimate(
      double guessLat, double guessLon, List<double[]> probes, List<Integer> shown) {
    int best = -1;
    double sumLat = 0;
    double sumLon = 0;
    int count = 0;
    for (double north = -2.5; north <= 2.5; north += 0.025) {
      for (double east = -2.5; east <= 2.5; east += 0.025) {
        double[] c = offset(guessLat, guessLon, north, east);
        int explained = 0;
        for (int i = 0; i < probes.size(); i++) {
          double km = LocationGrid.haversineKm(c[0], c[1], probes.get(i)[0], probes.get(i)[1]);
          if (Math.max(1, Math.round(km)) == shown.get(i)) {
            explained++;
          }
        }
        if (explained > best) {
          best = explained;
          sumLat = 0;
          sumLon = 0;
          count = 0;
        }
        if (explained == best) {
          sumLat += c[0];
          sumLon += c[1];
          count++;
        }
      }
    }
    return new double[] {sumLat / count, sumLon / count};
  }

  @Test
  void theAttackerLearnsTheCellAndNoMore() throws Exception {
    Random random = new Random(42);
    Api.Account victimAccount = Api.registerVerified();
    Api victim = ProfilesIT.discoverable(victimAccount);
    List<Double> errorsKm = new ArrayList<>();
    for (int round = 0; round < 6; round++) {
      double lat = 48.80 + 0.2 * random.nextDouble();
      double lon = 2.25 + 0.2 * random.nextDouble();
      assertEquals(
          204,
          victim
              .put("/api/v1/me/location", "{\"latitude\":" + lat + ",\"longitude\":" + lon + "}")
              .status());
      double[] guess = offset(lat, lon, random.nextDouble() - 0.5, random.nextDouble() - 0.5);
      List<double[]> probes = probesAround(guess[0], guess[1], random);
      List<Integer> shown = answers(victimAccount.id(), probes);
      double[] estimated = estimate(guess[0], guess[1], probes, shown);
      errorsKm.add(LocationGrid.haversineKm(lat, lon, estimated[0], estimated[1]));

      if (round < 2) {
        // Another victim position in the same cell: every answer is the same.
        LocationGrid.Cell cell = LocationGrid.cellOf(lat, lon);
        double[] twin;
        do {
          twin =
              offset(
                  cell.centreLatitude(),
                  cell.centreLongitude(),
                  random.nextDouble() - 0.5,
                  random.nextDouble() - 0.5);
        } while (!LocationGrid.cellOf(twin[0], twin[1]).equals(cell)
            || LocationGrid.haversineKm(lat, lon, twin[0], twin[1]) < 0.2);
        assertEquals(
            204,
            victim
                .put(
                    "/api/v1/me/location",
                    "{\"latitude\":" + twin[0] + ",\"longitude\":" + twin[1] + "}")
                .status());
        assertEquals(
            shown, answers(victimAccount.id(), probes), "two positions in one cell look the same");
      }
    }
    double meanMetres =
        1000 * errorsKm.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    System.out.printf(
        "trilateration through the API: mean error %.0f m over %d victims%n",
        meanMetres, errorsKm.size());
    assertTrue(
        meanMetres > 150,
        "the attacker should not beat the cell: mean error " + meanMetres + " m " + errorsKm);
    assertTrue(
        meanMetres < 1500,
        "the distances shown should still be useful: mean error " + meanMetres + " m");
  }
}
