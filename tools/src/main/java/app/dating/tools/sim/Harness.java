package app.dating.tools.sim;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;

/**
 * What the simulator needs of the running platform it drives, so that the same simulation runs in
 * an integration test (through the tests' contract-checked client, their mail server and database)
 * and by hand against a platform of its own ({@link MatchingSimulation}).
 */
public interface Harness {
  /** One HTTP answer. */
  record Response(int status, String body, String retryAfter) {}

  /** The absolute address of an API path. */
  URI uri(String path);

  /** Sends over HTTP/1.1. */
  Response send(HttpRequest.Builder request);

  /** The token of the newest link to {@code page} mailed to {@code address}, waiting for it. */
  String mailedToken(String address, String page) throws InterruptedException;

  /** Latitude and longitude of a place with nobody within a few hundred km. */
  double[] emptyPlace();

  /** An access token with the role ADMIN. */
  String adminToken();

  /** Before the first day: e.g. lifts the daily cap on likes of these accounts. */
  default void beforeSwiping(List<String> accountIds) {}

  /**
   * At the start of each simulated day: e.g. forgets the ranked pools the feed keeps for a few
   * minutes (their key holds the real day, which a simulated day does not change).
   */
  default void newDay(List<String> accountIds) {}
}
