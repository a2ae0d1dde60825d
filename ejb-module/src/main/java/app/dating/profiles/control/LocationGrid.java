package app.dating.profiles.control;

import java.time.Duration;

/**
 * Snaps positions to a grid of cells about {@value #CELL_KM} km across, so that the server keeps,
 * and computes distances from, nothing finer than a cell. Pure and stateless.
 *
 * <p>The grid: rows are bands of latitude exactly {@code CELL_KM} tall ({@link #LAT_STEP} degrees).
 * Each row is cut into {@code n = round(2πR·cos φ / CELL_KM)} cells of equal longitude, where
 * {@code φ} is the latitude of the row's centre, so every cell is about {@code CELL_KM} wide
 * whatever the latitude (equal-area-ish, unlike a plain degree grid whose cells shrink towards the
 * poles). Columns wrap: longitude 180 and -180 fall in the same cell, and cells never straddle the
 * antimeridian in a way that breaks distances (distances are great-circle). The rows touching the
 * poles are one cell each: a polar cap about 1 km in radius (the next rows have 9, 16, 22...
 * cells).
 *
 * <p>Distances are haversine distances between cell centres, never between positions; what a person
 * is shown is {@link #displayedKm}: whole kilometres, at least 1.
 */
public final class LocationGrid {
  /** The side of a cell. */
  public static final double CELL_KM = 1.0;

  /** Mean Earth radius (IUGG). */
  public static final double EARTH_RADIUS_KM = 6371.0088;

  /** The height of a row, in degrees of latitude. */
  public static final double LAT_STEP = Math.toDegrees(CELL_KM / EARTH_RADIUS_KM);

  /** Rows from the south pole (row 0) to the north pole; the last one is a little shorter. */
  public static final int ROWS = (int) Math.ceil(180.0 / LAT_STEP);

  private LocationGrid() {}

  /** A cell of the grid: row from the south pole, column eastwards from longitude -180. */
  public record Cell(int row, int column) {

    /** Latitude of the cell's centre (the middle of its row; the polar rows are clamped). */
    public double centreLatitude() {
      return rowCentre(row);
    }

    /** Longitude of the cell's centre, in [-180, 180). */
    public double centreLongitude() {
      double step = 360.0 / columns(row);
      return -180.0 + (column + 0.5) * step;
    }
  }

  /** True for a latitude and a longitude the grid accepts (finite, in range). */
  public static boolean isValid(double latitude, double longitude) {
    return Double.isFinite(latitude)
        && Double.isFinite(longitude)
        && latitude >= -90.0
        && latitude <= 90.0
        && longitude >= -180.0
        && longitude <= 180.0;
  }

  /** The cell holding a position. */
  public static Cell cellOf(double latitude, double longitude) {
    if (!isValid(latitude, longitude)) {
      throw new IllegalArgumentException(
          "latitude in [-90, 90] and longitude in [-180, 180] expected");
    }
    int row = Math.min(ROWS - 1, (int) Math.floor((latitude + 90.0) / LAT_STEP));
    int n = columns(row);
    int column = (int) Math.floor((longitude + 180.0) / (360.0 / n));
    return new Cell(row, Math.floorMod(column, n));
  }

  /** The number of cells in a row. */
  public static int columns(int row) {
    if (row < 0 || row >= ROWS) {
      throw new IllegalArgumentException("no such row: " + row);
    }
    if (row == 0 || row == ROWS - 1) {
      return 1;
    }
    double circumference = 2 * Math.PI * EARTH_RADIUS_KM * Math.cos(Math.toRadians(rowCentre(row)));
    return Math.max(1, (int) Math.round(circumference / CELL_KM));
  }

  private static double rowCentre(int row) {
    double top = Math.min(90.0, -90.0 + (row + 1) * LAT_STEP);
    double bottom = -90.0 + row * LAT_STEP;
    return (top + bottom) / 2;
  }

  /** Great-circle distance between the centres of two cells, in km. Symmetric; 0 for one cell. */
  public static double distanceKm(Cell a, Cell b) {
    if (a.equals(b)) {
      return 0.0;
    }
    return haversineKm(
        a.centreLatitude(), a.centreLongitude(), b.centreLatitude(), b.centreLongitude());
  }

  /** What a person is shown: the distance between the cells in whole km, "1 km" at the least. */
  public static int displayedKm(Cell a, Cell b) {
    return displayedKm(distanceKm(a, b));
  }

  /** Whole kilometres, at least 1: "less than 1 km" would only say more. */
  public static int displayedKm(double km) {
    return (int) Math.max(1, Math.round(km));
  }

  /**
   * How far a phone's position wanders without its owner moving: a Wi-Fi or cell-tower fix can be
   * kilometres off the GPS fix of a moment before. The part of a move within this is not travel.
   */
  public static final double WANDER_KM = 10.0;

  /**
   * The speed a move from one cell to another implies, in km/h: the distance between the cells less
   * {@link #WANDER_KM}, over the time since the first cell was last confirmed (a second at the
   * least). A few km at once is wandering (0); Berlin to Sydney in an hour is not.
   */
  public static double impliedSpeedKmh(Cell from, Cell to, Duration elapsed) {
    double travelled = Math.max(0.0, distanceKm(from, to) - WANDER_KM);
    double hours = Math.max(1_000L, elapsed.toMillis()) / 3_600_000.0;
    return travelled / hours;
  }

  /** Great-circle distance between two positions, in km (haversine on a sphere). */
  public static double haversineKm(double lat1, double lon1, double lat2, double lon2) {
    double phi1 = Math.toRadians(lat1);
    double phi2 = Math.toRadians(lat2);
    double dPhi = phi2 - phi1;
    double dLambda = Math.toRadians(lon2 - lon1);
    double h =
        Math.pow(Math.sin(dPhi / 2), 2)
            + Math.cos(phi1) * Math.cos(phi2) * Math.pow(Math.sin(dLambda / 2), 2);
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1.0, Math.sqrt(h)));
  }
}
