package app.dating.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.dating.it.Platform.Reply;
import app.dating.tools.sim.EmptyPlaces;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Discoverable people made through the API (verified, unless a test wants otherwise), placed where
 * a test wants them.
 */
final class People {
  private People() {}

  /** Someone signed in with a profile: who they are, what they want, where. */
  record Person(String id, String email, Api api) {}

  /**
   * A place with nobody within 300 km (the test database outlives runs and other tests place people
   * too), so a test sees only its own people.
   */
  static double[] somewhereEmpty() {
    try (Connection db = Database.connect()) {
      return EmptyPlaces.find(db, ThreadLocalRandom.current()::nextDouble);
    } catch (Exception e) {
      throw new IllegalStateException("cannot look for an empty place", e);
    }
  }

  /** A person with a verified address (only they see others and are seen), placed as asked. */
  static Person create(
      int age,
      String gender,
      String wanted,
      int ageMin,
      int ageMax,
      int maxKm,
      double lat,
      double lon,
      String visibility) {
    return place(
        register(age, gender).verified(),
        gender,
        wanted,
        ageMin,
        ageMax,
        maxKm,
        lat,
        lon,
        visibility);
  }

  /**
   * A person who never followed the verification link, with a discoverable profile and a position:
   * a throwaway account, which sees nobody and is shown to nobody.
   */
  static Person unverified(String gender, double lat, double lon) {
    return place(register(30, gender), gender, "[]", 18, 99, 100, lat, lon, "DISCOVERABLE");
  }

  private static Api.Account register(int age, String gender) {
    return Api.register(
        "p-" + UUID.randomUUID() + "@example.invalid",
        "P" + age + gender.charAt(0),
        LocalDate.now().minusYears(age).minusDays(10));
  }

  private static Person place(
      Api.Account account,
      String gender,
      String wanted,
      int ageMin,
      int ageMax,
      int maxKm,
      double lat,
      double lon,
      String visibility) {
    Api api = account.api().bearer(account.accessToken());
    Reply profile =
        api.put(
            "/api/v1/me/profile",
            "{\"gender\":\""
                + gender
                + "\",\"wantedGenders\":"
                + wanted
                + ",\"ageMin\":"
                + ageMin
                + ",\"ageMax\":"
                + ageMax
                + ",\"maxDistanceKm\":"
                + maxKm
                + ",\"languages\":[],\"prompts\":[],\"interests\":[1,2],"
                + "\"visibility\":\""
                + visibility
                + "\"}");
    assertEquals(200, profile.status(), profile::toString);
    Reply located =
        api.put("/api/v1/me/location", "{\"latitude\":" + lat + ",\"longitude\":" + lon + "}");
    assertEquals(204, located.status(), located::toString);
    return new Person(account.id(), account.email(), api);
  }

  /** A discoverable adult of 30 who wants everyone aged 18–99 within 100 km. */
  static Person open(String gender, double lat, double lon) {
    return create(30, gender, "[]", 18, 99, 100, lat, lon, "DISCOVERABLE");
  }

  /** Both like each other: the id of their match (and of its conversation). */
  static String match(Person one, Person other) {
    one.api().post("/api/v1/swipes", "{\"targetId\":\"" + other.id() + "\",\"kind\":\"LIKE\"}");
    return other
        .api()
        .post("/api/v1/swipes", "{\"targetId\":\"" + one.id() + "\",\"kind\":\"LIKE\"}")
        .json()
        .getString("matchId");
  }

  static double[] north(double[] from, double km) {
    return new double[] {from[0] + km / 111.195, from[1]};
  }
}
