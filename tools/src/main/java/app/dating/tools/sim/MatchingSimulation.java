package app.dating.tools.sim;

import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code benchmarks/matching-sim}: runs the matching simulator's arms against a running platform
 * and prints a table of their metrics, with the ratios learned/simple and learned/oracle.
 *
 * <pre>
 * MatchingSimulation --base-url http://127.0.0.1:52080 --smtp-port 52025 --platform-home DIR
 *     [--people 3000] [--days 30] [--cards 10] [--arms learned,simple,random,popularity,oracle]
 *     [--seed 1] [--threads 8] [--slate 200] [--hidden-share 0.5]
 *     [--admin-email sim-admin@example.invalid]
 * </pre>
 *
 * It receives the platform's mail itself (a GreenMail SMTP server on {@code --smtp-port}, to which
 * the platform must send), finds empty places in the platform's database ({@code DB_URL} of {@code
 * platform.env} in the platform home, as {@code postgres}), and becomes admin through {@code
 * ACCOUNTS_FIRST_ADMIN_EMAIL} (the platform must name {@code --admin-email}).
 */
public final class MatchingSimulation {
  private MatchingSimulation() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --name value, got " + args[i]);
      }
      options.put(args[i].substring(2), args[i + 1]);
    }
    Simulation.Config config =
        new Simulation.Config(
            Integer.parseInt(options.getOrDefault("people", "3000")),
            Integer.parseInt(options.getOrDefault("days", "30")),
            Integer.parseInt(options.getOrDefault("cards", "10")),
            Long.parseLong(options.getOrDefault("seed", "1")),
            Double.parseDouble(options.getOrDefault("hidden-share", "0.5")),
            Integer.parseInt(options.getOrDefault("threads", "8")),
            Integer.parseInt(options.getOrDefault("slate", "200")));
    List<Arm> arms =
        Arrays.stream(
                options.getOrDefault("arms", "learned,simple,random,popularity,oracle").split(","))
            .map(Arm::of)
            .toList();
    try (RunningPlatform platform =
        new RunningPlatform(
            URI.create(require(options, "base-url")),
            Integer.parseInt(require(options, "smtp-port")),
            Path.of(require(options, "platform-home")),
            options.getOrDefault("admin-email", "sim-admin@example.invalid"))) {
      Simulation simulation = new Simulation(platform, config, MatchingSimulation::log);
      log(
          "population: "
              + config.people()
              + " people, eligible per person (median) "
              + medianEligible(simulation.population())
              + "; ranking administration: "
              + (simulation.rankingEndpoints() ? "yes" : "no (only simple)"));
      Optional<String> before = simulation.activeRanker();
      List<ArmResult> results = new ArrayList<>();
      try {
        for (Arm arm : arms) {
          if (arm == Arm.LEARNED && !simulation.rankingEndpoints()) {
            log("learned: skipped, this platform has no " + Simulation.RANKING);
            continue;
          }
          results.add(simulation.run(arm));
          log(ArmResult.HEADER);
          log(results.get(results.size() - 1).row());
        }
      } finally {
        before.ifPresent(simulation::switchTo);
      }
      System.out.println(table(config, results));
    }
  }

  private static String require(Map<String, String> options, String name) {
    String value = options.get(name);
    if (value == null) {
      throw new IllegalArgumentException("--" + name + " is required");
    }
    return value;
  }

  static int medianEligible(Population population) {
    int[] sizes = new int[population.size()];
    for (int i = 0; i < sizes.length; i++) {
      sizes[i] = population.eligible(i).length;
    }
    Arrays.sort(sizes);
    return sizes[sizes.length / 2];
  }

  /** The table of the arms, with the ratios of the learned arm to simple and to the oracle. */
  static String table(Simulation.Config config, List<ArmResult> results) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "matching-sim: %d people × %d days × %d cards, seed %d, hidden share %.2f, slate %d%n",
            config.people(),
            config.days(),
            config.cards(),
            config.seed(),
            config.hiddenShare(),
            config.slate()));
    out.append(ArmResult.HEADER).append('\n');
    results.forEach(r -> out.append(r.row()).append('\n'));
    Optional<ArmResult> learned = find(results, Arm.LEARNED);
    learned.ifPresent(
        l -> {
          find(results, Arm.SIMPLE).ifPresent(s -> out.append(ratio("learned/simple", l, s)));
          find(results, Arm.ORACLE).ifPresent(o -> out.append(ratio("learned/oracle", l, o)));
          find(results, Arm.POPULARITY)
              .ifPresent(
                  p ->
                      out.append(
                          String.format(
                              Locale.ROOT,
                              "exposure Gini learned %.3f vs popularity %.3f: %s%n",
                              l.impressionsGini(),
                              p.impressionsGini(),
                              l.impressionsGini() <= p.impressionsGini()
                                  ? "not higher"
                                  : "HIGHER")));
        });
    if (learned.isEmpty()) {
      find(results, Arm.SIMPLE)
          .ifPresent(
              s -> {
                find(results, Arm.RANDOM).ifPresent(r -> out.append(ratio("simple/random", s, r)));
                find(results, Arm.ORACLE).ifPresent(o -> out.append(ratio("simple/oracle", s, o)));
              });
    }
    return out.toString();
  }

  private static String ratio(String name, ArmResult a, ArmResult b) {
    return String.format(
        Locale.ROOT,
        "%s: matches per 100 swipes %.2f / %.2f = %.2f ×; share with a match %.2f ×; recall@10 %.2f ×%n",
        name,
        a.matchesPer100(),
        b.matchesPer100(),
        a.matchesPer100() / b.matchesPer100(),
        a.shareMatched() / b.shareMatched(),
        a.recallAt10() / b.recallAt10());
  }

  private static Optional<ArmResult> find(List<ArmResult> results, Arm arm) {
    return results.stream().filter(r -> r.arm() == arm).findFirst();
  }

  static void log(String line) {
    System.err.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " matching-sim: " + line);
  }

  /** A platform started by hand (or by the benchmark), with this process as its mail server. */
  static final class RunningPlatform implements Harness, AutoCloseable {
    private static final String PASSWORD = "simulation admin's password 1";
    private final URI base;
    private final Path home;
    private final String adminEmail;
    private final HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final GreenMail mail;
    private final SplittableRandom places = new SplittableRandom();
    private String adminToken;
    private Instant adminTokenAt = Instant.EPOCH;

    RunningPlatform(URI base, int smtpPort, Path home, String adminEmail) {
      this.base = base;
      this.home = home;
      this.adminEmail = adminEmail;
      this.mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      mail.start();
    }

    @Override
    public URI uri(String path) {
      return base.resolve(path);
    }

    @Override
    public Response send(HttpRequest.Builder request) {
      for (int attempt = 0; ; attempt++) {
        try {
          HttpResponse<String> response =
              client.send(
                  request.timeout(Duration.ofMinutes(10)).build(),
                  HttpResponse.BodyHandlers.ofString());
          return new Response(
              response.statusCode(),
              response.body(),
              response.headers().firstValue("Retry-After").orElse(null));
        } catch (IOException e) {
          if (attempt >= 3) {
            throw new UncheckedIOException(e);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
    }

    @Override
    public String mailedToken(String address, String page) throws InterruptedException {
      Pattern link = Pattern.compile("/" + page + "\\?token=([A-Za-z0-9_-]{43})");
      Instant deadline = Instant.now().plusSeconds(60);
      while (Instant.now().isBefore(deadline)) {
        GreenMailUser user = mail.getUserManager().getUserByEmail(address);
        if (user != null) {
          try {
            List<StoredMessage> messages =
                mail.getManagers().getImapHostManager().getInbox(user).getMessages();
            for (int i = messages.size() - 1; i >= 0; i--) {
              Matcher found = link.matcher(GreenMailUtil.getBody(messages.get(i).getMimeMessage()));
              if (found.find()) {
                return found.group(1);
              }
            }
          } catch (com.icegreen.greenmail.store.FolderException e) {
            throw new IllegalStateException(e);
          }
        }
        Thread.sleep(50);
      }
      throw new IllegalStateException("no " + page + " link mailed to " + address);
    }

    @Override
    public double[] emptyPlace() {
      try (Connection db = database()) {
        return EmptyPlaces.find(db, places::nextDouble);
      } catch (Exception e) {
        throw new IllegalStateException("cannot look for an empty place", e);
      }
    }

    private Connection database() throws Exception {
      String url =
          Files.readAllLines(home.resolve("platform.env")).stream()
              .filter(line -> line.startsWith("DB_URL="))
              .map(line -> line.substring(7))
              .findFirst()
              .orElseThrow(() -> new IllegalStateException("no DB_URL in " + home));
      Properties login = new Properties();
      login.setProperty("user", System.getenv().getOrDefault("DB_ADMIN_USER", "postgres"));
      login.setProperty("password", System.getenv().getOrDefault("DB_ADMIN_PASSWORD", "unused"));
      return DriverManager.getConnection(url, login);
    }

    @Override
    public synchronized String adminToken() {
      if (adminToken != null && adminTokenAt.isAfter(Instant.now().minus(Duration.ofMinutes(10)))) {
        return adminToken;
      }
      String credentials = "{\"email\":\"" + adminEmail + "\",\"password\":\"" + PASSWORD + "\"";
      Response in = post("/api/v1/auth/login", credentials + "}");
      if (in.status() != 200) {
        Response made =
            post(
                "/api/v1/auth/register",
                credentials + ",\"displayName\":\"Admin\",\"birthDate\":\"1980-01-01\"}");
        if (made.status() != 201) {
          throw new IllegalStateException(
              "cannot register the admin: " + made.status() + " " + made.body());
        }
        try {
          String token = mailedToken(adminEmail, "verify-email");
          Response verified = post("/api/v1/auth/verify-email", "{\"token\":\"" + token + "\"}");
          if (verified.status() != 204) {
            throw new IllegalStateException("cannot verify the admin: " + verified);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
        in = post("/api/v1/auth/login", credentials + "}");
      }
      if (in.status() != 200) {
        throw new IllegalStateException(
            "cannot sign the admin in: " + in.status() + " " + in.body());
      }
      adminToken = Simulation.json(in.body()).getString("accessToken");
      adminTokenAt = Instant.now();
      return adminToken;
    }

    private Response post(String path, String json) {
      return send(
          HttpRequest.newBuilder(uri(path))
              .header("Content-Type", "application/json")
              .header("X-Forwarded-For", "198.51.100.7")
              .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    @Override
    public void close() {
      mail.stop();
    }
  }
}
