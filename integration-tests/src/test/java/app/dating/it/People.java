package app.dating.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.dating.it.Platform.Reply;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Discoverable people made through the API, placed where a test wants them. */
final class People {
  private People() {}

  /** Someone signed in with a profile: who they are, what they want, where. */
  record Person(String id, String email, Api api) {}

  /** A far-off, empty place for a test's own people (nobody else's tests put anyone there). */
  static double[] somewhereEmpty() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return new double[] {60 + 8 * random.nextDouble(), 90 + 30 * random.nextDouble()};
  }

  static Person create(int age, String gender, String wanted, int ageMin, int ageMax, int maxKm, double lat, double lon, String visibility) {
    String email = "p-" + UUID.randomUUID() + "@example.invalid";
    Api api = new Api();
    Reply registered = api.post("/api/v1/auth/register", "{\"email\":\"" + email + "\",\"password\":\"" + Api.PASSWORD
        + "\",\"displayName\":\"P" + age + gender.charAt(0) + "\",\"birthDate\":\"" + LocalDate.now().minusYears(age).minusDays(10) + "\"}");
    assertEquals(201, registered.status(), registered::toString);
    api.bearer(api.login(email, Api.PASSWORD).getString("accessToken"));
    Reply profile = api.put("/api/v1/me/profile", "{\"gender\":\"" + gender + "\",\"wantedGenders\":" + wanted + ",\"ageMin\":" + ageMin
        + ",\"ageMax\":" + ageMax + ",\"maxDistanceKm\":" + maxKm + ",\"languages\":[],\"prompts\":[],\"interests\":[1,2],"
        + "\"visibility\":\"" + visibility + "\"}");
    assertEquals(200, profile.status(), profile::toString);
    Reply located = api.put("/api/v1/me/location", "{\"latitude\":" + lat + ",\"longitude\":" + lon + "}");
    assertEquals(204, located.status(), located::toString);
    return new Person(registered.json().getString("id"), email, api);
  }

  /** A discoverable adult of 30 who wants everyone aged 18–99 within 100 km. */
  static Person open(String gender, double lat, double lon) {
    return create(30, gender, "[]", 18, 99, 100, lat, lon, "DISCOVERABLE");
  }

  static double[] north(double[] from, double km) {
    return new double[] {from[0] + km / 111.195, from[1]};
  }
}
