package app.dating.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dating.it.Platform.Reply;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Issue #14 item 4: sign-in limits that throttle guessing without letting anyone lock a person out;
 * refused attempts counted, not each written to the audit log; Argon2 work capped (503 beyond);
 * IPv6 clients limited by their /64.
 */
class SignInThrottlingIT {

  private static Reply login(String ip, String email, String password) {
    return Platform.send(
        HttpRequest.newBuilder(Platform.uri("/api/v1/auth/login"))
            .header("Content-Type", "application/json")
            .header("X-Forwarded-For", ip)
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")));
  }

  private static String randomIp() {
    return "198.18."
        + ThreadLocalRandom.current().nextInt(256)
        + "."
        + ThreadLocalRandom.current().nextInt(1, 255);
  }

  /** Guesses from one client until it is throttled: the ASVS limit per account and client holds. */
  private static void guessUntilThrottled(String ip, String email) {
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      statuses.add(login(ip, email, "wrong guess " + i).status());
    }
    assertEquals(401, statuses.get(9), statuses::toString);
    assertEquals(429, statuses.get(10), statuses::toString);
  }

  @Test
  void anotherClientCannotLockTheOwnerOutOfPasswordSignIn() {
    Api.Account account = Api.register();
    guessUntilThrottled(randomIp(), account.email());
    guessUntilThrottled(randomIp(), account.email());

    Reply owner = login(randomIp(), account.email(), Api.PASSWORD);
    assertEquals(200, owner.status(), "the owner, from their own device, still signs in: " + owner);
  }

  @Test
  void aSignedInPersonChangesTheirPasswordDuringAnAttack() {
    Api.Account account = Api.register();
    Api me = new Api().bearer(account.accessToken());
    guessUntilThrottled(randomIp(), account.email());
    guessUntilThrottled(me.ip, account.email());

    Reply changed =
        me.post(
            "/api/v1/me/password",
            "{\"currentPassword\":\""
                + Api.PASSWORD
                + "\",\"newPassword\":\"a fresh passphrase "
                + UUID.randomUUID()
                + "\"}");
    assertEquals(
        204, changed.status(), "a password change is never locked out by others: " + changed);
  }

  @Test
  void refusedAttemptsAreCountedNotEachWrittenToTheAuditLog() throws Exception {
    String ip = randomIp();
    Map<Integer, Integer> statuses = new TreeMap<>();
    for (int i = 0; i < 60; i++) {
      statuses.merge(
          login(ip, "nobody-" + UUID.randomUUID() + "@example.invalid", "a guess").status(),
          1,
          Integer::sum);
    }
    // 30 per 5 minutes per client address (one more may have refilled meanwhile)
    assertEquals(60, statuses.get(401) + statuses.get(429), statuses::toString);
    assertTrue(statuses.get(401) >= 30 && statuses.get(401) <= 32, statuses::toString);

    try (Connection db = Database.connect()) {
      List<String> throttled =
          Database.strings(
              db,
              "select detail from audit_event where action = 'LOGIN'"
                  + " and outcome = 'FAILURE' and ip = ? and detail like 'throttled%' order by id",
              ip);
      assertTrue(
          throttled.size() <= 2, "30 refusals, " + throttled.size() + " audit rows: " + throttled);
      assertTrue(throttled.get(throttled.size() - 1).contains("10 refused"), throttled::toString);
    }
  }

  @Test
  void ipv6ClientsAreLimitedByTheirSlash64() {
    String prefix =
        "2001:db8:"
            + Integer.toHexString(ThreadLocalRandom.current().nextInt(1, 0xffff))
            + ":"
            + Integer.toHexString(ThreadLocalRandom.current().nextInt(1, 0xffff))
            + ":";
    List<Integer> statuses = new ArrayList<>();
    for (int i = 1; i <= 11; i++) {
      String ip =
          prefix
              + Integer.toHexString(i)
              + "::"
              + Integer.toHexString(ThreadLocalRandom.current().nextInt(1, 0xffff));
      statuses.add(
          Platform.send(
                  HttpRequest.newBuilder(Platform.uri("/api/v1/auth/register"))
                      .header("Content-Type", "application/json")
                      .header("X-Forwarded-For", ip)
                      .POST(
                          HttpRequest.BodyPublishers.ofString(
                              "{\"email\":\"v6-"
                                  + UUID.randomUUID()
                                  + "@example.invalid\",\"password\":\""
                                  + Api.PASSWORD
                                  + "\",\"displayName\":\"Six\",\"birthDate\":\"1990-01-01\"}")))
              .status());
    }
    assertEquals(201, statuses.get(9), statuses::toString);
    assertEquals(429, statuses.get(10), "one /64 is one client: " + statuses);
  }

  /**
   * The Argon2 work is capped (here: one hash at a time, 100 ms of queue): beyond, 503 and
   * Retry-After.
   */
  @Test
  void aBurstOfSignInsBeyondTheHashingCapIsAnswered503() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(32);
    try {
      List<Future<Reply>> replies = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        replies.add(
            threads.submit(
                () ->
                    login(
                        randomIp(),
                        "nobody-" + UUID.randomUUID() + "@example.invalid",
                        "a guess")));
      }
      Map<Integer, Integer> statuses = new TreeMap<>();
      Reply unavailable = null;
      for (Future<Reply> reply : replies) {
        statuses.merge(reply.get().status(), 1, Integer::sum);
        if (reply.get().status() == 503) {
          unavailable = reply.get();
        }
      }
      assertTrue(statuses.containsKey(503), "no 503 in " + statuses);
      assertEquals("urn:dating:problem:unavailable", unavailable.json().getString("type"));
      assertTrue(Long.parseLong(unavailable.header("Retry-After")) >= 1, unavailable::toString);
      assertFalse(
          statuses.keySet().stream().anyMatch(s -> s != 401 && s != 503), statuses::toString);
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void everyOperationThatHashesDeclares503() {
    JsonObject document =
        Json.createReader(new StringReader(Contract.servedDocument())).readObject();
    List<String> hashing =
        List.of(
            "register",
            "login",
            "signInBrowser",
            "resetPassword",
            "changePassword",
            "changeEmail",
            "deleteMe",
            "linkIdentity",
            "signInWithProvider");
    List<String> undeclared = new ArrayList<>();
    document
        .getJsonObject("paths")
        .values()
        .forEach(
            item ->
                item.asJsonObject()
                    .forEach(
                        (method, operation) -> {
                          if (operation instanceof JsonObject op
                              && hashing.contains(op.getString("operationId", ""))
                              && !op.getJsonObject("responses").containsKey("503")) {
                            undeclared.add(op.getString("operationId"));
                          }
                        }));
    assertEquals(List.of(), undeclared);
  }
}
