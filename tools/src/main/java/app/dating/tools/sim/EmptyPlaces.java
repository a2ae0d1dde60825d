package app.dating.tools.sim;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.DoubleSupplier;

/**
 * A random place on Earth with nobody within 300 km in the platform's database: the simulator's
 * populations and the integration tests' people live there, so each sees only its own.
 */
public final class EmptyPlaces {
  static final String NEAR =
      "select count(*) from profile where cell_lat is not null"
          + " and earth_box(ll_to_earth(?, ?), 300000) @> ll_to_earth(cell_lat, cell_lon)";

  private EmptyPlaces() {}

  /**
   * Latitude and longitude of an empty place, between 55° S and 70° N.
   *
   * @param random uniform numbers in [0, 1)
   */
  public static double[] find(Connection db, DoubleSupplier random) throws SQLException {
    try (PreparedStatement near = db.prepareStatement(NEAR)) {
      for (int attempt = 0; attempt < 100; attempt++) {
        double[] place = {-55 + 125 * random.getAsDouble(), -180 + 360 * random.getAsDouble()};
        near.setDouble(1, place[0]);
        near.setDouble(2, place[1]);
        try (ResultSet count = near.executeQuery()) {
          count.next();
          if (count.getLong(1) == 0) {
            return place;
          }
        }
      }
    }
    throw new IllegalStateException("no empty place found in 100 tries");
  }
}
