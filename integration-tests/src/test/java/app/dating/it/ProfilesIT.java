package app.dating.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dating.it.Platform.Reply;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Own profile, the public view of others (only what is safe to show), catalogues, validation. */
class ProfilesIT {

  static String profileJson(String visibility, String interests, String prompts) {
    return "{\"gender\":\"woman\",\"wantedGenders\":[\"man\",\"woman\"],\"ageMin\":25,\"ageMax\":40,\"maxDistanceKm\":30,"
        + "\"intent\":\"LONG_TERM\",\"bio\":\"Climber, <b>cook</b> & reader.\\nAsk me about maps.\",\"job\":\"Cartographer\","
        + "\"heightCm\":172,\"languages\":[\"en\",\"de\"],\"prompts\":"
        + prompts
        + ",\"interests\":"
        + interests
        + ",\"visibility\":\""
        + visibility
        + "\"}";
  }

  /**
   * A registered account with a discoverable profile, and its API client signed in. Only a verified
   * account ({@link Api#registerVerified}) is shown to others.
   */
  static Api discoverable(Api.Account account) {
    Api api = new Api().bearer(account.accessToken());
    Reply put =
        api.put(
            "/api/v1/me/profile",
            profileJson("DISCOVERABLE", "[1,2,3]", "[{\"promptId\":1,\"answer\":\"Mountains.\"}]"));
    assertEquals(200, put.status(), put::toString);
    return api;
  }

  @Test
  void othersSeeOnlyWhatIsSafeToShow() {
    Api.Account owner = Api.registerVerified();
    Api mine = new Api().bearer(owner.accessToken());
    assertEquals(
        "HIDDEN",
        mine.get("/api/v1/me/profile").json().getString("visibility"),
        "hidden until filled in");
    discoverable(owner);
    assertEquals(
        204,
        mine.put("/api/v1/me/location", "{\"latitude\":52.5200,\"longitude\":13.4050}").status());

    Api.Account viewer = Api.registerVerified();
    Api theirs = new Api().bearer(viewer.accessToken());
    assertEquals(
        204,
        theirs.put("/api/v1/me/location", "{\"latitude\":52.5600,\"longitude\":13.4050}").status());
    Reply seen = theirs.get("/api/v1/profiles/" + owner.id());
    assertEquals(200, seen.status(), seen::toString);
    JsonObject profile = seen.json();
    assertEquals(29, profile.getInt("age"));
    assertEquals(
        "Climber, <b>cook</b> & reader.\nAsk me about maps.",
        profile.getString("bio"),
        "plain text, kept as written");
    assertTrue(
        Set.of(4, 5).contains(profile.getInt("distanceKm")),
        "about 4.4 km, in whole km: " + profile);
    for (String secret :
        List.of(
            "email",
            "birthDate",
            "wantedGenders",
            "ageMin",
            "ageMax",
            "maxDistanceKm",
            "latitude",
            "longitude",
            "cellLat",
            "cellLon",
            "visibility")) {
      assertFalse(profile.containsKey(secret), secret + " leaked: " + profile);
    }
    assertFalse(seen.body().contains(owner.email()));
    assertFalse(seen.body().contains("52.52"), "no coordinates: " + seen.body());

    assertEquals(200, mine.put("/api/v1/me/profile", profileJson("PAUSED", "[1]", "[]")).status());
    assertEquals(
        404, theirs.get("/api/v1/profiles/" + owner.id()).status(), "paused looks like missing");
    assertEquals(404, theirs.get("/api/v1/profiles/00000000-0000-0000-0000-000000000001").status());
    assertEquals(401, new Api().get("/api/v1/profiles/" + owner.id()).status());
  }

  @Test
  void badProfilesAreProblemsNamingTheField() {
    Api api = new Api().bearer(Api.register().accessToken());
    String elevenInterests = "[1,2,3,4,5,6,7,8,9,10,11]";
    String fourPrompts =
        "[{\"promptId\":1,\"answer\":\"a\"},{\"promptId\":2,\"answer\":\"b\"},{\"promptId\":3,\"answer\":\"c\"},{\"promptId\":4,\"answer\":\"d\"}]";
    assertField(
        api.put("/api/v1/me/profile", profileJson("DISCOVERABLE", elevenInterests, "[]")),
        "interests");
    assertField(
        api.put("/api/v1/me/profile", profileJson("DISCOVERABLE", "[99999]", "[]")), "interests");
    assertField(
        api.put("/api/v1/me/profile", profileJson("DISCOVERABLE", "[1]", fourPrompts)), "prompts");
    assertField(
        api.put(
            "/api/v1/me/profile",
            profileJson("DISCOVERABLE", "[1]", "[]").replace("\"ageMin\":25", "\"ageMin\":50")),
        "ageMin");
    assertField(
        api.put(
            "/api/v1/me/profile",
            profileJson("DISCOVERABLE", "[1]", "[]")
                .replace("\"Cartographer\"", "\"" + "x".repeat(101) + "\"")),
        "job");
    assertField(api.put("/api/v1/me/location", "{\"latitude\":91,\"longitude\":0}"), "latitude");
    assertEquals(
        "HIDDEN",
        api.get("/api/v1/me/profile").json().getString("visibility"),
        "nothing half-written");
  }

  @Test
  void cataloguesArePublicAndCacheable() {
    Reply interests = new Api().get("/api/v1/catalogue/interests");
    assertEquals(200, interests.status(), interests::toString);
    assertTrue(interests.structure().asJsonArray().size() >= 50);
    assertTrue(
        interests.header("Cache-Control").contains("max-age=3600"),
        interests.header("Cache-Control"));
    assertTrue(new Api().get("/api/v1/catalogue/prompts").structure().asJsonArray().size() >= 10);
    assertEquals(
        Set.of("woman", "man", "non-binary", "other"),
        Set.copyOf(
            new Api()
                    .get("/api/v1/catalogue/genders")
                    .structure()
                    .asJsonArray()
                    .getValuesAs(JsonObject.class)
                    .stream()
                    .map(g -> g.getString("slug"))
                    .toList()));
  }

  private static void assertField(Reply reply, String field) {
    assertEquals(400, reply.status(), field + ": " + reply);
    assertEquals("application/problem+json", reply.contentType());
    assertTrue(
        reply.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
            .anyMatch(e -> e.getString("field").equals(field)),
        field + ": " + reply);
  }
}
