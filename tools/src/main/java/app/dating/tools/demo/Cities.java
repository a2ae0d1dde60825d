package app.dating.tools.demo;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * European cities the synthetic population lives around, weighted by metropolitan population
 * (millions, rounded). Each city has a dense core and wider suburbs: a person lands at a Gaussian
 * offset of {@link #coreSigmaKm} km from the centre, or three times that for the suburbs.
 */
final class Cities {
  /** Share of people living in the suburbs (the wider Gaussian). */
  static final double SUBURBS = 0.25;
  static final double SUBURB_FACTOR = 3.0;

  /** A city centre, its weight and the languages spoken there (ISO 639-1, the main one first). */
  record City(String name, double latitude, double longitude, double millions, List<String> languages) {
    /** The spread of the core: bigger cities spread wider (about 3.5 km for Zurich, 6 km for Paris). */
    double coreSigmaKm() {
      return 2.0 + 1.2 * Math.sqrt(millions);
    }
  }

  static final List<City> ALL =
      List.of(
          new City("Paris", 48.8566, 2.3522, 11.0, List.of("fr")),
          new City("London", 51.5074, -0.1278, 9.5, List.of("en")),
          new City("Madrid", 40.4168, -3.7038, 6.7, List.of("es")),
          new City("Barcelona", 41.3874, 2.1686, 5.6, List.of("es", "ca")),
          new City("Milan", 45.4642, 9.1900, 4.3, List.of("it")),
          new City("Rome", 41.9028, 12.4964, 4.3, List.of("it")),
          new City("Berlin", 52.5200, 13.4050, 4.2, List.of("de")),
          new City("Warsaw", 52.2297, 21.0122, 3.1, List.of("pl")),
          new City("Lisbon", 38.7223, -9.1393, 2.9, List.of("pt")),
          new City("Munich", 48.1351, 11.5820, 2.9, List.of("de")),
          new City("Hamburg", 53.5511, 9.9937, 2.7, List.of("de")),
          new City("Prague", 50.0755, 14.4378, 2.7, List.of("cs")),
          new City("Amsterdam", 52.3676, 4.9041, 2.5, List.of("nl")),
          new City("Stockholm", 59.3293, 18.0686, 2.4, List.of("sv")),
          new City("Lyon", 45.7640, 4.8357, 2.3, List.of("fr")),
          new City("Brussels", 50.8503, 4.3517, 2.1, List.of("fr", "nl")),
          new City("Copenhagen", 55.6761, 12.5683, 2.1, List.of("da")),
          new City("Vienna", 48.2082, 16.3738, 2.0, List.of("de")),
          new City("Dublin", 53.3498, -6.2603, 1.5, List.of("en")),
          new City("Zurich", 47.3769, 8.5417, 1.4, List.of("de")));

  private Cities() {}

  /**
   * The cities of a {@code --cities} value: {@code all}, a number (the N largest) or a comma-separated
   * list of names (case-insensitive).
   */
  static List<City> select(String value) {
    String spec = value.strip();
    if (spec.equalsIgnoreCase("all")) {
      return ALL;
    }
    if (spec.matches("[0-9]+")) {
      int count = Integer.parseInt(spec);
      if (count < 1 || count > ALL.size()) {
        throw new IllegalArgumentException("--cities must be between 1 and " + ALL.size() + ", got " + value);
      }
      return ALL.subList(0, count);
    }
    Set<City> chosen = new LinkedHashSet<>();
    for (String name : spec.split(",")) {
      String wanted = name.strip().toLowerCase(Locale.ROOT);
      City city =
          ALL.stream()
              .filter(c -> c.name().toLowerCase(Locale.ROOT).equals(wanted))
              .findFirst()
              .orElseThrow(() -> new IllegalArgumentException("--cities: unknown city " + name.strip() + "; known: " + names()));
      chosen.add(city);
    }
    return List.copyOf(new ArrayList<>(chosen));
  }

  static String names() {
    return String.join(", ", ALL.stream().map(City::name).toList());
  }
}
