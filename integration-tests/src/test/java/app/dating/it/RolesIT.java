package app.dating.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dating.it.Platform.Reply;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Roles USER, MODERATOR and ADMIN in the access token's groups: the first admin comes from
 * configuration ({@code ACCOUNTS_FIRST_ADMIN_EMAIL} in this module's pom), later roles from admins.
 */
class RolesIT {
  static final String FIRST_ADMIN = "first-admin@example.invalid";

  private static List<String> groups(String accessToken) {
    return Api.claims(accessToken).getJsonArray("groups").getValuesAs(JsonString.class).stream()
        .map(JsonString::getString)
        .toList();
  }

  /**
   * The configured admin: registered and verified by the first test that needs it (the database may
   * outlive a run).
   */
  static synchronized String adminToken() throws Exception {
    Api api = new Api();
    Reply signedIn =
        api.post(
            "/api/v1/auth/login",
            "{\"email\":\"" + FIRST_ADMIN + "\",\"password\":\"" + Api.PASSWORD + "\"}");
    if (signedIn.status() == 200) {
      return signedIn.json().getString("accessToken");
    }
    Reply registered =
        api.post(
            "/api/v1/auth/register",
            "{\"email\":\""
                + FIRST_ADMIN
                + "\",\"password\":\""
                + Api.PASSWORD
                + "\",\"displayName\":\"Admin\",\"birthDate\":\"1980-01-01\"}");
    assertEquals(201, registered.status(), registered::toString);
    assertEquals(
        List.of("USER"),
        groups(api.login(FIRST_ADMIN, Api.PASSWORD).getString("accessToken")),
        "no admin before the address is verified");
    new Api.Account(registered.json().getString("id"), FIRST_ADMIN, api).verifyEmail();
    return api.login(FIRST_ADMIN, Api.PASSWORD).getString("accessToken");
  }

  private static String adminBearer;

  /**
   * An admin's {@code Authorization} header, signed in once for the run (sign-ins of one account
   * are rate-limited; the token lives 15 minutes).
   */
  static synchronized String adminBearer() {
    if (adminBearer == null) {
      try {
        adminBearer = "Bearer " + adminToken();
      } catch (Exception e) {
        throw new IllegalStateException("cannot sign the admin in", e);
      }
    }
    return adminBearer;
  }

  /**
   * The operators' diagnostics ({@code /api/v1/system/*}, on in this run) are for admins only: what
   * the server sees of a request, and jobs queued on demand, are nobody else's business.
   */
  @Test
  void systemResourcesAreForAdminsOnly() throws Exception {
    Reply anonymous = Platform.get("/api/v1/system/client");
    assertEquals(401, anonymous.status(), anonymous::toString);
    assertEquals(401, Platform.postJson("/api/v1/system/jobs", "{\"message\":\"hi\"}").status());
    Api user = new Api().bearer(Api.register().accessToken());
    Reply asUser = user.get("/api/v1/system/client");
    assertEquals(403, asUser.status(), asUser::toString);
    assertEquals(403, user.post("/api/v1/system/jobs", "{\"message\":\"hi\"}").status());
    assertEquals(
        403, user.get("/api/v1/system/jobs/7b0c8a6e-0000-4000-8000-000000000000").status());
    Reply asAdmin = new Api().bearer(adminToken()).get("/api/v1/system/client");
    assertEquals(200, asAdmin.status(), asAdmin::toString);
  }

  @Test
  void theConfiguredAddressBecomesAdminOnceVerified() throws Exception {
    String token = adminToken();
    assertTrue(groups(token).containsAll(List.of("USER", "ADMIN")), groups(token)::toString);
    try (Connection db = Database.connect()) {
      String detail =
          Database.string(
              db,
              "select detail from audit_event where action = 'ROLE_CHANGE' and actor_id = ?::uuid order by id limit 1",
              Api.claims(token).getString("sub"));
      assertTrue(detail.contains("first admin"), detail);
    }
  }

  @Test
  void adminsAssignRolesAndTheChangeIsAuditedAndTakesEffect() throws Exception {
    Api admin = new Api().bearer(adminToken());
    Api.Account account = Api.register();
    JsonObject before = account.login();
    Api asBefore = new Api().bearer(before.getString("accessToken"));
    assertEquals(
        403,
        asBefore.get("/api/v1/admin/accounts/" + account.id()).status(),
        "users are not staff");

    Reply assigned =
        admin.put(
            "/api/v1/admin/accounts/" + account.id() + "/roles", "{\"roles\":[\"MODERATOR\"]}");
    assertEquals(200, assigned.status(), assigned::toString);
    assertEquals(
        List.of("USER", "MODERATOR"),
        assigned.json().getJsonArray("roles").getValuesAs(JsonString.class).stream()
            .map(JsonString::getString)
            .toList());

    assertEquals(401, asBefore.get("/api/v1/me").status(), "tokens carrying the old roles end");
    String refreshed =
        new Api()
            .post(
                "/api/v1/auth/refresh",
                "{\"refreshToken\":\"" + before.getString("refreshToken") + "\"}")
            .json()
            .getString("accessToken");
    assertEquals(List.of("USER", "MODERATOR"), groups(refreshed));

    Api moderator = new Api().bearer(refreshed);
    assertEquals(
        200,
        moderator.get("/api/v1/admin/accounts/" + account.id()).status(),
        "moderators look accounts up");
    Reply escalate =
        moderator.put(
            "/api/v1/admin/accounts/" + account.id() + "/roles", "{\"roles\":[\"ADMIN\"]}");
    assertEquals(403, escalate.status(), escalate::toString);

    try (Connection db = Database.connect()) {
      String detail =
          Database.string(
              db,
              "select detail from audit_event where action = 'ROLE_CHANGE' and detail like ? order by id desc limit 1",
              "account " + account.id() + "%");
      assertEquals("account " + account.id() + ": [USER] -> [USER, MODERATOR]", detail);
    }
  }

  @Test
  void adminsCannotDemoteThemselves() throws Exception {
    String token = adminToken();
    Reply reply =
        new Api()
            .bearer(token)
            .put(
                "/api/v1/admin/accounts/" + Api.claims(token).getString("sub") + "/roles",
                "{\"roles\":[\"USER\"]}");
    assertEquals(409, reply.status(), reply::toString);
  }

  @Test
  void badRoleAssignmentsAreProblems() throws Exception {
    Api admin = new Api().bearer(adminToken());
    Api.Account account = Api.register();
    assertEquals(
        400,
        admin
            .put("/api/v1/admin/accounts/" + account.id() + "/roles", "{\"roles\":[\"OWNER\"]}")
            .status());
    assertEquals(
        400, admin.put("/api/v1/admin/accounts/" + account.id() + "/roles", "{}").status());
    Reply nullRole =
        admin.put("/api/v1/admin/accounts/" + account.id() + "/roles", "{\"roles\":[null]}");
    assertEquals(400, nullRole.status(), nullRole::toString);
    Reply unknown =
        admin.put(
            "/api/v1/admin/accounts/00000000-0000-0000-0000-000000000001/roles", "{\"roles\":[]}");
    assertEquals(404, unknown.status(), unknown::toString);
    assertEquals(404, admin.get("/api/v1/admin/accounts/not-a-uuid").status());
    assertEquals(401, new Api().get("/api/v1/admin/accounts/" + account.id()).status());
  }
}
