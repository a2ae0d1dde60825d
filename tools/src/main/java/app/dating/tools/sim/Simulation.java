package app.dating.tools.sim;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * The matching simulator: simulated people with hidden preferences ({@link Population}) register,
 * verify their address, fill in a profile and a location through the platform's HTTP API, then day
 * by day each fetches the feed and swipes the day's cards: LIKE with their hidden probability (one
 * fixed coin per pair), else PASS. Each arm ({@link Arm}) gets a fresh copy of the same population
 * (same seed) in a place of its own, so arms share no history; the learned arm is retrained after
 * each day.
 *
 * <p>Metrics per arm ({@link ArmResult}):
 *
 * <ul>
 *   <li>mutual matches per 100 swipes: matches the swipes' answers reported, × 100 / swipes;
 *   <li>share of people with at least one match;
 *   <li>recall@k of would-be mutual matches (k = the cards a day): for each feed a person swiped,
 *       the relevant people are those the platform's hard filters let them see (both ways), whom
 *       they have not swiped yet, and who would match them (each would like the other: {@link
 *       Population#mutual}); recall is {@code |shown ∩ relevant| / min(k, |relevant|)} ({@link
 *       Metrics#recallAt}), averaged over the feeds with someone relevant;
 *   <li>Gini of exposure (the times each person was shown, zeros included) and of matches per
 *       person ({@link Metrics#gini});
 *   <li>offline, on the arm's logged swipes split in time (the first 70 % of the days against the
 *       rest): the AUC of the hidden P(like) (the ceiling) and of the candidate's earlier like
 *       rate, and the AUC the retrain answer reports, if it reports one.
 * </ul>
 */
public final class Simulation {
  static final String RANKING = "/api/v1/admin/ranking";
  static final int PAGE_MAX = 50;
  private static final JsonProvider JSON = JsonProvider.provider();
  private static final String PASSWORD = "simulated person's password 1";

  /** The size of a run. */
  public record Config(
      int people, int days, int cards, long seed, double hiddenShare, int threads, int slate) {
    public Config {
      if (people < 2 || days < 1 || cards < 1 || threads < 1 || slate < cards) {
        throw new IllegalArgumentException("not a run: " + this);
      }
    }
  }

  private enum Policy {
    SERVED,
    SHUFFLED,
    BY_LIKE_RATE,
    ORACLE
  }

  private final Harness harness;
  private final Config config;
  private final Population population;
  private final Consumer<String> log;
  private final String runTag;
  private final int ipOffset;
  private int armsRun;
  private Boolean rankingEndpoints;

  public Simulation(Harness harness, Config config, Consumer<String> log) {
    this.harness = harness;
    this.config = config;
    this.log = log;
    this.population = Population.generate(config.people(), config.seed(), config.hiddenShare());
    SecureRandom random = new SecureRandom();
    this.runTag = Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
    this.ipOffset = random.nextInt(IP_SPACE);
  }

  public Population population() {
    return population;
  }

  /**
   * Whether the platform has the ranking administration ({@code PUT /api/v1/admin/ranking}): its
   * OpenAPI document ({@code /openapi}) names the path.
   */
  public boolean rankingEndpoints() {
    if (rankingEndpoints == null) {
      Harness.Response document =
          harness.send(
              HttpRequest.newBuilder(harness.uri("/openapi"))
                  .header("Accept", "application/json")
                  .GET());
      if (document.status() != 200) {
        throw new IllegalStateException("GET /openapi: " + document.status());
      }
      rankingEndpoints = document.body().contains("\"" + RANKING + "\"");
    }
    return rankingEndpoints;
  }

  /** The platform's active ranker ({@code GET /api/v1/admin/ranking}), if it tells. */
  public Optional<String> activeRanker() {
    if (!rankingEndpoints()) {
      return Optional.empty();
    }
    Harness.Response answer = admin("GET", RANKING, null);
    if (answer.status() != 200) {
      throw new IllegalStateException(
          "GET " + RANKING + ": " + answer.status() + " " + answer.body());
    }
    JsonValue ranker = json(answer.body()).get("ranker");
    return ranker instanceof jakarta.json.JsonString s
        ? Optional.of(s.getString())
        : Optional.empty();
  }

  /**
   * Makes {@code ranker} the platform's ranker: true when it took it; false when the platform has
   * no such ranker (or no ranking administration at all).
   */
  public boolean switchTo(String ranker) {
    if (!rankingEndpoints()) {
      return false;
    }
    Harness.Response answer = admin("PUT", RANKING, "{\"ranker\":\"" + ranker + "\"}");
    if (answer.status() == 200 || answer.status() == 204) {
      return true;
    }
    if (answer.status() == 400 || answer.status() == 404 || answer.status() == 409) {
      log.accept("PUT " + RANKING + " " + ranker + ": " + answer.status() + " " + answer.body());
      return false;
    }
    throw new IllegalStateException(
        "PUT " + RANKING + " " + ranker + ": " + answer.status() + " " + answer.body());
  }

  private Harness.Response admin(String method, String path, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(harness.uri(path))
            .header("Authorization", "Bearer " + harness.adminToken());
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    return harness.send(request);
  }

  /** Runs one arm with a fresh copy of the population; its figures. */
  public ArmResult run(Arm arm) throws InterruptedException {
    long started = System.nanoTime();
    int armNo = armsRun++;
    Policy policy;
    String mode;
    boolean endpoints = rankingEndpoints();
    switch (arm) {
      case LEARNED, SIMPLE -> {
        if (arm == Arm.LEARNED && !endpoints) {
          throw new IllegalStateException(
              "the learned arm needs " + RANKING + ", which this platform does not have");
        }
        if (endpoints && !switchTo(arm.ranker)) {
          throw new IllegalStateException("the platform refused the ranker " + arm.ranker);
        }
        policy = Policy.SERVED;
        mode = "server:" + arm.ranker;
      }
      case RANDOM, POPULARITY -> {
        if (endpoints && switchTo(arm.ranker)) {
          policy = Policy.SERVED;
          mode = "server:" + arm.ranker;
        } else {
          if (endpoints && !switchTo("simple")) {
            throw new IllegalStateException("the platform refused the ranker simple");
          }
          policy = arm == Arm.RANDOM ? Policy.SHUFFLED : Policy.BY_LIKE_RATE;
          mode = "client:" + policy.name().toLowerCase(Locale.ROOT) + " of simple";
        }
      }
      case ORACLE -> {
        if (endpoints && !switchTo("simple")) {
          throw new IllegalStateException("the platform refused the ranker simple");
        }
        policy = Policy.ORACLE;
        mode = "client:oracle of simple";
      }
      default -> throw new IllegalArgumentException(arm.toString());
    }
    Run run = new Run(arm, armNo, policy);
    log.accept(arm.label() + " (" + mode + "): registering " + config.people() + " people");
    run.register();
    log.accept(
        String.format(
            Locale.ROOT,
            "%s: %d people registered in %.0f s",
            arm.label(),
            config.people(),
            (System.nanoTime() - started) / 1e9));
    double retrainSeconds = 0;
    double aucServer = Double.NaN;
    int retrains = 0;
    for (int day = 0; day < config.days(); day++) {
      long dayStarted = System.nanoTime();
      harness.newDay(run.accountIds());
      run.day(day);
      if (arm == Arm.LEARNED) {
        long t0 = System.nanoTime();
        Harness.Response retrained = admin("POST", RANKING + "/retrain", null);
        retrainSeconds += (System.nanoTime() - t0) / 1e9;
        if (retrained.status() == 409) {
          // too few swipes to learn from yet: the ranker keeps its model (or cold start)
          log.accept("retrain after day " + (day + 1) + ": 409 " + abbreviate(retrained.body()));
        } else if (retrained.status() / 100 != 2) {
          throw new IllegalStateException(
              "POST " + RANKING + "/retrain: " + retrained.status() + " " + retrained.body());
        } else {
          retrains++;
          double reported = findAuc(retrained.body());
          aucServer = Double.isNaN(reported) ? aucServer : reported;
          if (retrains == 1 || day == config.days() - 1) {
            log.accept("retrain after day " + (day + 1) + ": " + abbreviate(retrained.body()));
          }
        }
      }
      log.accept(
          String.format(
              Locale.ROOT,
              "%s day %d (%.0f s): %d swipes, %d matches so far",
              arm.label(),
              day + 1,
              (System.nanoTime() - dayStarted) / 1e9,
              run.swipes.get(),
              run.matches.get()));
    }
    return run.result(
        mode, (System.nanoTime() - started) / 1e9, retrainSeconds, aucServer, retrains);
  }

  private static String abbreviate(String text) {
    return text == null || text.length() <= 300 ? text : text.substring(0, 300) + "…";
  }

  /** A number under a key named like "auc" anywhere in a JSON answer, or NaN. */
  static double findAuc(String body) {
    if (body == null || body.isBlank()) {
      return Double.NaN;
    }
    try {
      return findAuc(JSON.createReader(new StringReader(body)).readValue());
    } catch (RuntimeException notJson) {
      return Double.NaN;
    }
  }

  private static double findAuc(JsonValue value) {
    if (value instanceof JsonObject object) {
      for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
        if (entry.getKey().toLowerCase(Locale.ROOT).contains("auc")
            && entry.getValue() instanceof JsonNumber number) {
          return number.doubleValue();
        }
      }
      for (JsonValue inner : object.values()) {
        double found = findAuc(inner);
        if (!Double.isNaN(found)) {
          return found;
        }
      }
    } else if (value instanceof jakarta.json.JsonArray array) {
      for (JsonValue inner : array) {
        double found = findAuc(inner);
        if (!Double.isNaN(found)) {
          return found;
        }
      }
    }
    return Double.NaN;
  }

  static JsonObject json(String body) {
    return JSON.createReader(new StringReader(body)).readObject();
  }

  /** Client addresses 198.18.0.1 – 198.19.255.254 (the benchmarking range), one per person. */
  static final int IP_SPACE = 2 * 256 * 254;

  static String ip(int n) {
    int x = Math.floorMod(n, IP_SPACE);
    int rest = x % (256 * 254);
    return "198." + (18 + x / (256 * 254)) + "." + rest / 254 + "." + (1 + rest % 254);
  }

  /** One person's session: their address, client address, id and access token. */
  private static final class Member {
    final String email;
    final String ip;
    volatile String id;
    volatile String token;

    Member(String email, String ip) {
      this.email = email;
      this.ip = ip;
    }
  }

  /** Two bits per ordered pair: 0 not swiped, 1 passed, 2 liked. */
  static final class PairStates {
    private final int n;
    private final AtomicIntegerArray words;

    PairStates(int n) {
      this.n = n;
      this.words = new AtomicIntegerArray((int) (((long) n * n + 15) / 16));
    }

    int get(int u, int v) {
      long i = (long) u * n + v;
      return (words.get((int) (i >>> 4)) >>> ((i & 15) * 2)) & 3;
    }

    void set(int u, int v, int state) {
      long i = (long) u * n + v;
      int word = (int) (i >>> 4);
      int shift = (int) ((i & 15) * 2);
      int old;
      int updated;
      do {
        old = words.get(word);
        updated = (old & ~(3 << shift)) | (state << shift);
      } while (!words.compareAndSet(word, old, updated));
    }
  }

  /** One arm's run: its people and what happened to them. */
  private final class Run {
    final Arm arm;
    final Policy policy;
    final List<Member> members = new ArrayList<>();
    final Map<String, Integer> byId = new ConcurrentHashMap<>();
    final PairStates states;
    final AtomicLongArray impressions;
    final AtomicLongArray likesIn;
    final AtomicLongArray swipesIn;
    final AtomicLongArray matchesOf;
    final AtomicLong swipes = new AtomicLong();
    final AtomicLong likes = new AtomicLong();
    final AtomicLong matches = new AtomicLong();
    final LongAdder errors = new LongAdder();
    final LongAdder foreignCards = new LongAdder();
    final DoubleAdder recallSum = new DoubleAdder();
    final LongAdder recallFeeds = new LongAdder();
    final ConcurrentLinkedQueue<int[]> logged = new ConcurrentLinkedQueue<>();
    double[] place;

    Run(Arm arm, int armNo, Policy policy) {
      this.arm = arm;
      this.policy = policy;
      int n = config.people();
      this.states = new PairStates(n);
      this.impressions = new AtomicLongArray(n);
      this.likesIn = new AtomicLongArray(n);
      this.swipesIn = new AtomicLongArray(n);
      this.matchesOf = new AtomicLongArray(n);
      for (int i = 0; i < n; i++) {
        members.add(
            new Member(
                "sim-" + runTag + "-" + arm.label() + "-" + i + "@example.invalid",
                ip(ipOffset + armNo * n + i)));
      }
    }

    List<String> accountIds() {
      return members.stream().map(m -> m.id).toList();
    }

    void register() throws InterruptedException {
      place = harness.emptyPlace();
      LocalDate today = LocalDate.now();
      parallel(
          config.people(),
          i -> {
            Population.Person p = population.person(i);
            Member m = members.get(i);
            Harness.Response made =
                call(
                    m,
                    "POST",
                    "/api/v1/auth/register",
                    "{\"email\":\""
                        + m.email
                        + "\",\"password\":\""
                        + PASSWORD
                        + "\",\"displayName\":\"Sim "
                        + i
                        + "\",\"birthDate\":\""
                        + today.minusYears(p.age()).minusDays(10)
                        + "\"}");
            expect(201, made, "register");
            m.id = json(made.body()).getString("id");
            byId.put(m.id, i);
          });
      parallel(
          config.people(),
          i -> {
            Member m = members.get(i);
            String token;
            try {
              token = harness.mailedToken(m.email, "verify-email");
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              throw new IllegalStateException(e);
            }
            expect(
                204,
                call(m, "POST", "/api/v1/auth/verify-email", "{\"token\":\"" + token + "\"}"),
                "verify");
          });
      parallel(
          config.people(),
          i -> {
            Population.Person p = population.person(i);
            Member m = members.get(i);
            Harness.Response in =
                call(
                    m,
                    "POST",
                    "/api/v1/auth/login",
                    "{\"email\":\"" + m.email + "\",\"password\":\"" + PASSWORD + "\"}");
            expect(200, in, "login");
            m.token = json(in.body()).getString("accessToken");
            expect(
                200,
                call(
                    m,
                    "PUT",
                    "/api/v1/me/profile",
                    "{\"gender\":\""
                        + p.gender()
                        + "\",\"wantedGenders\":[\""
                        + String.join("\",\"", p.wanted())
                        + "\"],\"ageMin\":"
                        + p.ageMin()
                        + ",\"ageMax\":"
                        + p.ageMax()
                        + ",\"maxDistanceKm\":"
                        + p.maxKm()
                        + ",\"languages\":[],\"prompts\":[],\"interests\":"
                        + p.interests()
                        + ",\"visibility\":\"DISCOVERABLE\"}"),
                "profile");
            double lat = place[0] + p.northKm() / 111.195;
            double lon = place[1] + p.eastKm() / (111.195 * Math.cos(Math.toRadians(lat)));
            expect(
                204,
                call(
                    m,
                    "PUT",
                    "/api/v1/me/location",
                    String.format(Locale.ROOT, "{\"latitude\":%.6f,\"longitude\":%.6f}", lat, lon)),
                "location");
          });
      harness.beforeSwiping(accountIds());
    }

    void day(int day) throws InterruptedException {
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < config.people(); i++) {
        order.add(i);
      }
      Collections.shuffle(order, new Random(config.seed() * 31 + day));
      parallel(order.size(), k -> oneFeed(order.get(k), day));
    }

    private void oneFeed(int u, int day) {
      List<Integer> shown =
          switch (policy) {
            case SERVED -> feed(u, config.cards());
            case SHUFFLED -> {
              List<Integer> slate = new ArrayList<>(feed(u, config.slate()));
              Collections.shuffle(slate, new Random(config.seed() ^ ((long) u << 20) ^ day));
              yield slate.subList(0, Math.min(config.cards(), slate.size()));
            }
            case BY_LIKE_RATE -> top(feed(u, config.slate()), v -> likeRate(v));
            case ORACLE -> top(feed(u, config.slate()), v -> oracle(u, v));
          };
      Set<Integer> relevant = new HashSet<>();
      for (int v : population.eligible(u)) {
        if (states.get(u, v) == 0 && population.mutual(u, v)) {
          relevant.add(v);
        }
      }
      double recall = Metrics.recallAt(config.cards(), shown, relevant);
      if (!Double.isNaN(recall)) {
        recallSum.add(recall);
        recallFeeds.increment();
      }
      for (int v : shown) {
        swipe(u, v, day);
      }
    }

    private List<Integer> top(List<Integer> slate, java.util.function.IntToDoubleFunction score) {
      return slate.stream()
          .sorted(Comparator.comparingDouble((Integer v) -> -score.applyAsDouble(v)))
          .limit(config.cards())
          .toList();
    }

    private double likeRate(int v) {
      return (likesIn.get(v) + 1.0) / (swipesIn.get(v) + 2.0);
    }

    private double oracle(int u, int v) {
      int theirs = states.get(v, u);
      double back = theirs == 2 ? 1 : theirs == 1 ? 0 : population.pLike(v, u);
      return population.pLike(u, v) * back;
    }

    /** Up to {@code want} people of u's feed, in its order, from one new feed session. */
    private List<Integer> feed(int u, int want) {
      Member m = members.get(u);
      List<Integer> cards = new ArrayList<>();
      String cursor = null;
      while (cards.size() < want) {
        int limit = Math.min(PAGE_MAX, want - cards.size());
        Harness.Response page =
            call(
                m,
                "GET",
                "/api/v1/discovery/feed?limit="
                    + limit
                    + (cursor == null ? "" : "&cursor=" + cursor),
                null);
        if (page.status() != 200) {
          errors.increment();
          log.accept("feed: " + page.status() + " " + abbreviate(page.body()));
          break;
        }
        JsonObject body = json(page.body());
        List<JsonObject> candidates = body.getJsonArray("candidates").getValuesAs(JsonObject.class);
        for (JsonObject card : candidates) {
          Integer v = byId.get(card.getString("id"));
          if (v == null) {
            foreignCards.increment();
          } else {
            cards.add(v);
          }
        }
        if (candidates.size() < limit) {
          break;
        }
        cursor = body.getString("next");
      }
      return cards;
    }

    private void swipe(int u, int v, int day) {
      boolean like = population.likes(u, v);
      Harness.Response answer =
          call(
              members.get(u),
              "POST",
              "/api/v1/swipes",
              "{\"targetId\":\""
                  + members.get(v).id
                  + "\",\"kind\":\""
                  + (like ? "LIKE" : "PASS")
                  + "\"}");
      if (answer.status() != 200) {
        errors.increment();
        log.accept("swipe: " + answer.status() + " " + abbreviate(answer.body()));
        return;
      }
      states.set(u, v, like ? 2 : 1);
      impressions.incrementAndGet(v);
      swipesIn.incrementAndGet(v);
      swipes.incrementAndGet();
      logged.add(new int[] {day, u, v, like ? 1 : 0});
      if (like) {
        likes.incrementAndGet();
        likesIn.incrementAndGet(v);
      }
      if (json(answer.body()).getBoolean("matched", false)) {
        matches.incrementAndGet();
        matchesOf.incrementAndGet(u);
        matchesOf.incrementAndGet(v);
      }
    }

    /** A request as this person (their address; their token once signed in), retried when busy. */
    private Harness.Response call(Member m, String method, String path, String body) {
      for (int attempt = 0; ; attempt++) {
        HttpRequest.Builder request =
            HttpRequest.newBuilder(harness.uri(path)).header("X-Forwarded-For", m.ip);
        if (m.token != null) {
          request.header("Authorization", "Bearer " + m.token);
        }
        if (body == null) {
          request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
          request
              .header("Content-Type", "application/json")
              .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        Harness.Response answer = harness.send(request);
        boolean busy = answer.status() == 503 || answer.status() == 429;
        if (!busy || attempt >= 200) {
          return answer;
        }
        // Argon2's cap (503) or a rate limit (429): wait as told, at most 2 s, with jitter.
        long wait = 20 + (long) (Math.random() * 80);
        try {
          if (answer.retryAfter() != null) {
            wait = Math.max(wait, Math.min(2000, 1000 * Long.parseLong(answer.retryAfter())));
          }
        } catch (NumberFormatException e) {
          // a date: keep the short wait
        }
        try {
          Thread.sleep(wait);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
    }

    private void expect(int status, Harness.Response answer, String what) {
      if (answer.status() != status) {
        throw new IllegalStateException(
            what + ": expected " + status + ", got " + answer.status() + " " + answer.body());
      }
    }

    ArmResult result(
        String mode, double seconds, double retrainSeconds, double aucServer, int retrains) {
      int n = config.people();
      long[] shownTimes = new long[n];
      long[] matched = new long[n];
      int withMatch = 0;
      for (int i = 0; i < n; i++) {
        shownTimes[i] = impressions.get(i);
        matched[i] = matchesOf.get(i);
        withMatch += matched[i] > 0 ? 1 : 0;
      }
      double[] aucs = offlineAuc();
      if (foreignCards.sum() > 0) {
        log.accept(arm.label() + ": " + foreignCards.sum() + " cards of people not simulated");
      }
      long swiped = swipes.get();
      return new ArmResult(
          arm,
          mode,
          n,
          swiped,
          likes.get(),
          matches.get(),
          swiped == 0 ? 0 : 100.0 * matches.get() / swiped,
          (double) withMatch / n,
          recallFeeds.sum() == 0 ? Double.NaN : recallSum.sum() / recallFeeds.sum(),
          Metrics.gini(shownTimes),
          Metrics.gini(matched),
          aucs[0],
          aucs[1],
          aucServer,
          errors.sum(),
          seconds,
          retrainSeconds,
          retrains);
    }

    /** AUC of the hidden P(like) and of the earlier like rate, on the later 30 % of the days. */
    private double[] offlineAuc() {
      int split = (int) Math.floor(config.days() * 0.7);
      if (split < 1 || split >= config.days()) {
        return new double[] {Double.NaN, Double.NaN};
      }
      long[] likesBefore = new long[config.people()];
      long[] swipesBefore = new long[config.people()];
      List<int[]> later = new ArrayList<>();
      for (int[] s : logged) {
        if (s[0] < split) {
          swipesBefore[s[2]]++;
          likesBefore[s[2]] += s[3];
        } else {
          later.add(s);
        }
      }
      double[] hidden = new double[later.size()];
      double[] rate = new double[later.size()];
      boolean[] liked = new boolean[later.size()];
      for (int i = 0; i < later.size(); i++) {
        int[] s = later.get(i);
        hidden[i] = population.pLike(s[1], s[2]);
        rate[i] = (likesBefore[s[2]] + 1.0) / (swipesBefore[s[2]] + 2.0);
        liked[i] = s[3] == 1;
      }
      return new double[] {Metrics.auc(hidden, liked), Metrics.auc(rate, liked)};
    }

    private void parallel(int count, IntConsumer task) throws InterruptedException {
      ExecutorService pool = Executors.newFixedThreadPool(config.threads());
      try {
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < count; i++) {
          int k = i;
          done.add(pool.submit(() -> task.accept(k)));
        }
        for (Future<?> f : done) {
          try {
            f.get();
          } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
          }
        }
      } finally {
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
      }
    }
  }
}
