package app.dating.profiles.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dating.profiles.control.LocationGrid.Cell;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocationGridTest {
  private static final double KM_PER_DEGREE = Math.toRadians(LocationGrid.EARTH_RADIUS_KM);

  @Test
  void twoPointsInOneCellGiveTheSameCell() {
    Cell cell = LocationGrid.cellOf(48.8566, 2.3522);
    double lat = cell.centreLatitude();
    double lon = cell.centreLongitude();
    double dLat = 0.2 / KM_PER_DEGREE;
    double dLon = 0.2 / (KM_PER_DEGREE * Math.cos(Math.toRadians(lat)));
    assertEquals(cell, LocationGrid.cellOf(lat + dLat, lon - dLon));
    assertEquals(cell, LocationGrid.cellOf(lat - dLat, lon + dLon));
    assertEquals(
        1,
        LocationGrid.displayedKm(
            LocationGrid.cellOf(lat + dLat, lon), LocationGrid.cellOf(lat - dLat, lon)));
  }

  @Test
  void theCentreOfACellLiesInThatCell() {
    Random random = new Random(1);
    for (int i = 0; i < 10_000; i++) {
      Cell cell =
          LocationGrid.cellOf(random.nextDouble() * 180 - 90, random.nextDouble() * 360 - 180);
      assertEquals(cell, LocationGrid.cellOf(cell.centreLatitude(), cell.centreLongitude()));
    }
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.0, 23.5, -45.0, 60.0, 78.0, -85.0})
  void cellsAreAboutOneKmEachWay(double latitude) {
    Cell cell = LocationGrid.cellOf(latitude, 10.0);
    Cell east = new Cell(cell.row(), (cell.column() + 1) % LocationGrid.columns(cell.row()));
    Cell north =
        LocationGrid.cellOf(cell.centreLatitude() + LocationGrid.LAT_STEP, cell.centreLongitude());
    assertEquals(1.0, LocationGrid.distanceKm(cell, east), 0.01);
    assertEquals(1.0, (north.centreLatitude() - cell.centreLatitude()) * KM_PER_DEGREE, 1e-6);
    // Rows are cut independently: the cell above may be shifted east or west by up to half a cell.
    assertTrue(LocationGrid.distanceKm(cell, north) <= Math.hypot(1.0, 0.5) + 0.01);
  }

  @Test
  void distancesAreSymmetricAndZeroOnlyWithinACell() {
    Random random = new Random(2);
    for (int i = 0; i < 10_000; i++) {
      Cell a = LocationGrid.cellOf(random.nextDouble() * 180 - 90, random.nextDouble() * 360 - 180);
      Cell b = LocationGrid.cellOf(random.nextDouble() * 180 - 90, random.nextDouble() * 360 - 180);
      assertEquals(LocationGrid.distanceKm(a, b), LocationGrid.distanceKm(b, a));
      assertEquals(LocationGrid.displayedKm(a, b), LocationGrid.displayedKm(b, a));
      assertEquals(a.equals(b), LocationGrid.distanceKm(a, b) == 0.0);
    }
  }

  @Test
  void neverShowsLessThanOneKm() {
    Cell cell = LocationGrid.cellOf(51.5, -0.12);
    assertEquals(1, LocationGrid.displayedKm(cell, cell));
    assertEquals(1, LocationGrid.displayedKm(0.0));
    assertEquals(1, LocationGrid.displayedKm(1.49));
    assertEquals(2, LocationGrid.displayedKm(1.5));
  }

  @Test
  void theAntimeridianIsNoEdge() {
    assertEquals(LocationGrid.cellOf(-17.7, 180.0), LocationGrid.cellOf(-17.7, -180.0));
    Cell west = LocationGrid.cellOf(-17.7, 179.9999);
    Cell east = LocationGrid.cellOf(-17.7, -179.9999);
    assertTrue(LocationGrid.distanceKm(west, east) <= 1.01, "neighbours across the antimeridian");
  }

  @Test
  void eachPoleIsOneCell() {
    assertEquals(LocationGrid.cellOf(90, 0), LocationGrid.cellOf(90, 135));
    assertEquals(LocationGrid.cellOf(-90, -180), LocationGrid.cellOf(-90, 45));
    assertEquals(1, LocationGrid.columns(0));
    assertEquals(9, LocationGrid.columns(1));
    assertEquals(1, LocationGrid.columns(LocationGrid.ROWS - 1));
    assertTrue(
        LocationGrid.distanceKm(LocationGrid.cellOf(90, 0), LocationGrid.cellOf(-90, 0)) > 20_000);
  }

  @Test
  void refusesWhatIsNotAPosition() {
    assertFalse(LocationGrid.isValid(Double.NaN, 0));
    assertFalse(LocationGrid.isValid(0, Double.POSITIVE_INFINITY));
    assertFalse(LocationGrid.isValid(90.0001, 0));
    assertFalse(LocationGrid.isValid(0, -180.0001));
    assertThrows(IllegalArgumentException.class, () -> LocationGrid.cellOf(91, 0));
  }

  @Test
  void aCellIsCoarserThanThePosition() {
    Cell cell = LocationGrid.cellOf(40.4168, -3.7038);
    assertNotEquals(40.4168, cell.centreLatitude());
    assertTrue(
        LocationGrid.haversineKm(40.4168, -3.7038, cell.centreLatitude(), cell.centreLongitude())
            < 0.75);
  }

  @Test
  void aMoveWithinAPhonesWanderImpliesNoSpeedAndAJumpAcrossTheWorldAHugeOne() {
    Cell here = LocationGrid.cellOf(48.8566, 2.3522);
    Cell fiveKmNorth = LocationGrid.cellOf(48.8566 + 5 / KM_PER_DEGREE, 2.3522);
    assertEquals(
        0,
        LocationGrid.impliedSpeedKmh(here, fiveKmNorth, java.time.Duration.ZERO),
        "within the wander");
    Cell sydney = LocationGrid.cellOf(-33.8688, 151.2093);
    double kmh = LocationGrid.impliedSpeedKmh(here, sydney, java.time.Duration.ofHours(20));
    assertEquals(
        (LocationGrid.distanceKm(here, sydney) - LocationGrid.WANDER_KM) / 20,
        kmh,
        1e-9,
        "an airliner's 20 h");
    assertEquals(
        (LocationGrid.distanceKm(here, sydney) - LocationGrid.WANDER_KM) * 3600,
        LocationGrid.impliedSpeedKmh(here, sydney, java.time.Duration.ofMillis(3)),
        1e-6,
        "a second at the least");
  }
}
