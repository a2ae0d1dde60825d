package app.dating.tools;

import app.dating.identity.control.AccessTokens;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load client of {@code benchmarks/chat-ws}: {@code chat-load --http http://127.0.0.1:28080 --server-pid P
 * [--pg-pid P] [--sockets 10000] [--secs 15] [--runs 3] [--warmup 20] [--rates 1000,2500,5000]
 * [--window 256] [--endpoints chat,echo] [--jfr FILE] [--signing-key FILE]} (database from DB_URL).
 *
 * <p>For the chat endpoint it pairs {@code sockets} demo accounts into matches (inserted as
 * matching would leave them), signs an access token for each with the platform's own signing key
 * (the claims {@code AccessTokens.issue} writes; a real sign-in costs an Argon2id hash each), and
 * opens one authenticated socket per account ({@code dating.v1} plus {@code bearer.<token>}). Then:
 * server memory (RSS, heap used after a full GC) before and after, per socket; messages paced at
 * each rate and in a closed loop ({@code window} messages in flight), each from the next socket in
 * turn to its match, timed from the moment it was due (paced) or sent (closed loop) to the
 * {@code message} frame on the peer's socket. The echo endpoint gets the same with the echo back on
 * the same socket. Prints one line per run ({@code RESULT ...}) for the script, and a summary.
 */
final class ChatLoadBenchmark {
  private static final long BUCKET_NANOS = 10_000; // histogram resolution 10 µs, up to 5 s
  private static final int BUCKETS = 500_000;
  private static final Pattern USED = Pattern.compile("used (\\d+)K");

  private ChatLoadBenchmark() {}

  // --- what a run records ----------------------------------------------------------------------

  /** Latencies of one run, by tag (earlier runs' stragglers are ignored). */
  static final class Recorder {
    final String tag;
    final AtomicLongArray buckets = new AtomicLongArray(BUCKETS + 1);
    final AtomicLong received = new AtomicLong();
    final AtomicLong sent = new AtomicLong();
    volatile long lastAt;
    volatile boolean overloaded;
    final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();

    Recorder(String tag) {
      this.tag = tag;
    }

    void record(long latencyNanos) {
      int bucket = (int) Math.min(BUCKETS, Math.max(0, latencyNanos / BUCKET_NANOS));
      buckets.incrementAndGet(bucket);
      received.incrementAndGet();
      lastAt = System.nanoTime();
    }

    /** Percentile in milliseconds. */
    double percentile(double p) {
      long total = received.get();
      if (total == 0) {
        return Double.NaN;
      }
      long rank = (long) Math.ceil(p / 100.0 * total);
      long seen = 0;
      for (int i = 0; i <= BUCKETS; i++) {
        seen += buckets.get(i);
        if (seen >= rank) {
          return i == BUCKETS ? Double.POSITIVE_INFINITY : (i + 0.5) * BUCKET_NANOS / 1e6;
        }
      }
      return Double.NaN;
    }
  }

  /** One socket: a chat device of one account (with its match's socket as peer), or an echo socket. */
  static final class Sock implements WebSocket.Listener {
    final Bench bench;
    final boolean chat;
    final String account;
    final String conversation;
    final CompletableFuture<Void> ready = new CompletableFuture<>();
    volatile WebSocket ws;
    private CompletableFuture<?> tail = CompletableFuture.completedFuture(null);
    private StringBuilder partial;

    Sock(Bench bench, boolean chat, String account, String conversation) {
      this.bench = bench;
      this.chat = chat;
      this.account = account;
      this.conversation = conversation;
    }

    /** One send at a time per socket (the JDK client refuses overlapping sends). */
    synchronized void send(String text) {
      tail = tail.handle((x, e) -> null).thenCompose(x -> ws.sendText(text, true));
    }

    @Override
    public void onOpen(WebSocket webSocket) {
      ws = webSocket;
      if (!chat) {
        ready.complete(null);
      }
      webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      if (!last || partial != null) {
        if (partial == null) {
          partial = new StringBuilder();
        }
        partial.append(data);
        if (!last) {
          webSocket.request(1);
          return null;
        }
      }
      String text = partial != null ? partial.toString() : data.toString();
      partial = null;
      try {
        bench.onFrame(this, text);
      } finally {
        webSocket.request(1);
      }
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      if (ready.isDone() && !ready.isCompletedExceptionally() && bench.running) {
        bench.closed.incrementAndGet(); // an open socket lost (one that failed to open is tried again)
      }
      ready.completeExceptionally(new IllegalStateException("closed " + statusCode + " " + reason));
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      ready.completeExceptionally(error);
    }
  }

  /** The sockets of one endpoint and the runs against it. */
  static final class Bench {
    final String name;
    final boolean chat;
    final List<Sock> sockets = new ArrayList<>();
    final AtomicInteger closed = new AtomicInteger();
    final AtomicInteger wrongAccount = new AtomicInteger();
    final AtomicInteger reopened = new AtomicInteger();
    final AtomicLong nextSender = new AtomicLong();
    volatile Recorder current = new Recorder("none");
    volatile boolean closedLoop;
    volatile boolean sending;
    volatile boolean running = true;

    Bench(String name, boolean chat) {
      this.name = name;
      this.chat = chat;
    }

    void onFrame(Sock sock, String text) {
      long now = System.nanoTime();
      if (!chat) {
        // echo: "e|tag|nanos|padding"
        measured(text, now);
        return;
      }
      String type = field(text, "type");
      switch (type == null ? "" : type) {
        case "message" -> {
          if (!sock.account.equals(field(text, "sender"))) {
            String clientId = field(text, "clientId");
            if (clientId != null) {
              measured(clientId, now);
            }
          }
        }
        case "ready" -> {
          if (!sock.account.equals(field(text, "account"))) {
            wrongAccount.incrementAndGet();
          }
          sock.ready.complete(null);
        }
        case "error" -> {
          Recorder recorder = current;
          recorder.errors.computeIfAbsent(String.valueOf(field(text, "code")), k -> new AtomicLong()).incrementAndGet();
          if (closedLoop && sending) {
            sendNext(recorder, System.nanoTime()); // keep the window full
          }
        }
        default -> { }
      }
    }

    /** {@code id}: tag, a separator, the send time in nanoseconds, a separator... */
    private void measured(String id, long now) {
      Recorder recorder = current;
      int a = id.indexOf(SEP);
      int b = a < 0 ? -1 : id.indexOf(SEP, a + 1);
      if (a < 0 || b < 0 || !id.regionMatches(a + 1, recorder.tag, 0, recorder.tag.length()) || b - a - 1 != recorder.tag.length()) {
        return;
      }
      int c = id.indexOf(SEP, b + 1);
      long sentAt = Long.parseLong(id.substring(b + 1, c < 0 ? id.length() : c));
      recorder.record(now - sentAt);
      if (closedLoop && sending) {
        sendNext(recorder, System.nanoTime());
      }
    }

    void sendNext(Recorder recorder, long due) {
      int n = sockets.size();
      Sock sender = sockets.get((int) (nextSender.getAndIncrement() % n));
      long number = recorder.sent.incrementAndGet();
      String id = "b" + SEP + recorder.tag + SEP + due + SEP + number;
      if (chat) {
        sender.send("{\"type\":\"send\",\"conversation\":\"" + sender.conversation + "\",\"clientId\":\"" + id
            + "\",\"text\":\"hello, how was your day? " + number + "\"}");
      } else {
        sender.send(id + SEP + "hello, how was your day?");
      }
    }
  }

  private static final char SEP = '_';

  /** The string value of a top-level field in our servers' compact JSON (no escapes in the values we read). */
  static String field(String json, String name) {
    String key = "\"" + name + "\":\"";
    int start = json.indexOf(key);
    if (start < 0) {
      return null;
    }
    start += key.length();
    int end = json.indexOf('"', start);
    return end < 0 ? null : json.substring(start, end);
  }

  // --- the run ---------------------------------------------------------------------------------

  static void run(Options options) throws Exception {
    String http = options.require("http").replaceAll("/+$", "");
    String ws = http.replaceFirst("^http", "ws");
    int sockets = options.integer("sockets", "10000") / 2 * 2;
    int secs = options.integer("secs", "15");
    int runs = options.integer("runs", "3");
    int warmup = options.integer("warmup", "20");
    int window = options.integer("window", "256");
    long serverPid = Long.parseLong(options.require("server-pid"));
    long pgPid = Long.parseLong(options.get("pg-pid", null, "0"));
    String jfr = options.get("jfr", null, "");
    List<Integer> rates = Arrays.stream(options.get("rates", null, "1000,2500,5000").split(",")).map(String::strip)
        .map(Integer::parseInt).toList();
    List<String> endpoints = Arrays.stream(options.get("endpoints", null, "chat,echo").split(",")).map(String::strip).toList();
    String jdbc = options.get("jdbc", "DB_URL", null);
    String user = options.get("user", "DB_USER", "postgres");
    String password = options.get("password", "DB_PASSWORD", "unused");
    Path signingKey = Path.of(options.require("signing-key"));
    String issuer = options.get("issuer", "JWT_ISSUER", "dating-platform");
    String audience = options.get("audience", "JWT_AUDIENCE", "dating-api");

    Probe probe = new Probe(serverPid, pgPid);
    HttpClient client = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(2, new DaemonThreads("ws-client")))
        .connectTimeout(Duration.ofSeconds(30)).build();
    say("%d cores; server PID %d; %d sockets per endpoint; runs of %d s; rates %s; closed loop with %d in flight",
        Runtime.getRuntime().availableProcessors(), serverPid, sockets, secs, rates, window);

    for (String endpoint : endpoints) {
      boolean chat = endpoint.equals("chat");
      Bench bench = new Bench(endpoint, chat);
      List<String[]> logins = chat ? matchedPairs(jdbc, user, password, sockets, signingKey, issuer, audience) : null;
      Memory before = probe.memory();
      say("%s: server before: RSS %.0f MiB, heap used after GC %.1f MiB; opening %d sockets", endpoint,
          before.rssKib / 1024.0, before.heapKib / 1024.0, sockets);
      long t0 = System.nanoTime();
      open(client, bench, ws, logins, sockets);
      double openSecs = (System.nanoTime() - t0) / 1e9;
      say("%s: %d sockets open in %.1f s (%.0f/s)%s%s", endpoint, bench.sockets.size(), openSecs, bench.sockets.size() / openSecs,
          bench.wrongAccount.get() > 0 ? "; " + bench.wrongAccount.get() + " signed in as ANOTHER account" : "",
          bench.reopened.get() > 0 ? "; " + bench.reopened.get() + " needed another try" : "");
      Thread.sleep(3000);
      Memory after = probe.memory();
      say("%s: server after: RSS %.0f MiB, heap used after GC %.1f MiB, %s threads", endpoint, after.rssKib / 1024.0,
          after.heapKib / 1024.0, probe.threads());
      double rssPer = (after.rssKib - before.rssKib) / (double) sockets;
      double heapPer = (after.heapKib - before.heapKib) / (double) sockets;
      System.out.printf(Locale.ROOT, "RESULT %s open %d %.1f %.0f %.1f %.0f %.1f %.2f %.2f %d %d%n", endpoint, bench.sockets.size(),
          openSecs, before.rssKib / 1024.0, before.heapKib / 1024.0, after.rssKib / 1024.0, after.heapKib / 1024.0, rssPer, heapPer,
          bench.wrongAccount.get(), bench.reopened.get());

      say("%s: warming up (%d s closed loop, then %d s at %d/s)", endpoint, warmup, warmup / 2, rates.get(0));
      closedLoop(bench, "w" + endpoint.charAt(0), warmup, window, null);
      paced(bench, "v" + endpoint.charAt(0), warmup / 2, rates.get(0), null);
      for (int r = 1; r <= runs; r++) {
        boolean sustained = true;
        for (int rate : rates) {
          if (!sustained) { // a lower rate was not: this one is not either, and its backlog would spoil the next runs
            System.out.printf(Locale.ROOT, "RESULT %s paced %d skipped%n", endpoint, rate);
            say("%s paced %d: skipped (a lower rate was not sustained)", endpoint, rate);
            continue;
          }
          Outcome outcome = paced(bench, endpoint.charAt(0) + "p" + rate + "r" + r, secs, rate, probe);
          report(bench, "paced", rate, outcome);
          sustained = !outcome.recorder.overloaded;
        }
        boolean profile = chat && !jfr.isEmpty() && r == (runs + 1) / 2;
        if (profile) {
          probe.jcmd("JFR.start", "name=chat-ws", "settings=profile", "filename=" + jfr);
        }
        report(bench, "closed", window, closedLoop(bench, endpoint.charAt(0) + "c" + r, secs, window, probe));
        if (profile) {
          probe.jcmd("JFR.stop", "name=chat-ws");
        }
      }
      bench.running = false;
      System.out.printf(Locale.ROOT, "RESULT %s lost %d%n", endpoint, bench.closed.get());
      say("%s: %d sockets were closed by the server during the runs; closing the sockets", endpoint, bench.closed.get());
      for (Sock sock : bench.sockets) {
        sock.ws.sendClose(WebSocket.NORMAL_CLOSURE, "done");
      }
      Thread.sleep(Math.min(10_000, 1000 + sockets));
      for (Sock sock : bench.sockets) {
        sock.ws.abort();
      }
      Thread.sleep(2000);
    }
    System.exit(0);
  }

  /** Figures of one run: {@code delivered} messages arrived in {@code seconds}; latencies of all of them in the recorder; CPU. */
  record Outcome(Recorder recorder, long delivered, double seconds, Cpu cpu) {}

  private static void report(Bench bench, String kind, int level, Outcome o) {
    Recorder r = o.recorder;
    long received = r.received.get();
    double perSecond = o.delivered / o.seconds;
    String errors = r.errors.isEmpty() ? "-" : r.errors.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).reduce((a, b) -> a + "," + b).get();
    Cpu c = o.cpu;
    System.out.printf(Locale.ROOT, "RESULT %s %s %d %.0f %s %s %d %d %.3f %.3f %.3f %.3f %s %s%n", bench.name, kind, level, perSecond,
        ms(r.percentile(50)), ms(r.percentile(99)), r.sent.get(), r.sent.get() - received,
        c.perMessage(c.server, received), c.perMessage(c.pg, received), c.perMessage(c.self, received), c.busyShare(), errors,
        r.overloaded ? "behind" : "kept-up");
    say("%s %s %d: %.0f msg/s delivered%s, p50 %s ms, p99 %s ms; %d sent, %d missing; CPU ms/msg server %.3f, PostgreSQL %.3f,"
            + " client %.3f; machine busy %.0f %%; errors %s",
        bench.name, kind, level, perSecond, r.overloaded ? " (not sustained: a second's worth unanswered, stopped early)" : "", ms(r.percentile(50)),
        ms(r.percentile(99)), r.sent.get(), r.sent.get() - received,
        c.perMessage(c.server, received), c.perMessage(c.pg, received), c.perMessage(c.self, received), c.busyShare() * 100, errors);
  }

  private static String ms(double millis) {
    return Double.isInfinite(millis) ? "inf" : String.format(Locale.ROOT, "%.2f", millis);
  }

  /** Sends at {@code rate} per second for {@code secs}, each timed from when it was due. */
  static Outcome paced(Bench bench, String tag, int secs, int rate, Probe probe) throws InterruptedException {
    Recorder recorder = new Recorder(tag);
    bench.current = recorder;
    bench.closedLoop = false;
    bench.sending = true;
    Ticks start = probe == null ? null : probe.ticks();
    long t0 = System.nanoTime();
    long end = t0 + secs * 1_000_000_000L;
    long issued = 0;
    while (true) {
      long now = System.nanoTime();
      if (now >= end) {
        break;
      }
      long due = (now - t0) * rate / 1_000_000_000L;
      if (recorder.sent.get() - recorder.received.get() - errorCount(recorder) > Math.max(500, rate)) {
        recorder.overloaded = true; // a second's worth unanswered: this rate is not sustained; stop here
        break;
      }
      while (issued < due) {
        bench.sendNext(recorder, t0 + issued * 1_000_000_000L / rate);
        issued++;
      }
      LockSupport.parkNanos(100_000);
    }
    bench.sending = false;
    long stoppedAt = System.nanoTime();
    drain(recorder);
    Ticks stop = probe == null ? null : probe.ticks();
    // a server that falls behind delivers the backlog after the sending ends: rate over the time it took
    double seconds = Math.max(stoppedAt - t0, recorder.lastAt - t0) / 1e9;
    return new Outcome(recorder, recorder.received.get(), seconds, start == null ? null : Cpu.between(start, stop));
  }

  /** Keeps {@code window} messages in flight for {@code secs}: each one received sends the next. */
  static Outcome closedLoop(Bench bench, String tag, int secs, int window, Probe probe) throws InterruptedException {
    Recorder recorder = new Recorder(tag);
    bench.current = recorder;
    bench.closedLoop = true;
    bench.sending = true;
    Ticks start = probe == null ? null : probe.ticks();
    long t0 = System.nanoTime();
    for (int i = 0; i < window; i++) {
      bench.sendNext(recorder, System.nanoTime());
    }
    Thread.sleep(secs * 1000L);
    bench.sending = false;
    long received = recorder.received.get();
    double seconds = (System.nanoTime() - t0) / 1e9;
    Ticks stop = probe == null ? null : probe.ticks();
    drain(recorder); // the window's last messages: counted as arrived, not in the rate
    return new Outcome(recorder, received, seconds, start == null ? null : Cpu.between(start, stop));
  }

  private static final int DRAIN_LIMIT_SECONDS = 60;

  /**
   * Waits until everything sent arrived, or 5 s without progress, or 60 s: a backlog left in the
   * server would be counted against the next run.
   */
  private static void drain(Recorder recorder) throws InterruptedException {
    long last = -1;
    long quietSince = System.nanoTime();
    long limit = System.nanoTime() + DRAIN_LIMIT_SECONDS * 1_000_000_000L;
    while (recorder.received.get() + errorCount(recorder) < recorder.sent.get() && System.nanoTime() < limit) {
      long now = recorder.received.get();
      if (now != last) {
        last = now;
        quietSince = System.nanoTime();
      } else if (System.nanoTime() - quietSince > 5_000_000_000L) {
        break;
      }
      Thread.sleep(20);
    }
  }

  private static long errorCount(Recorder recorder) {
    return recorder.errors.values().stream().mapToLong(AtomicLong::get).sum();
  }

  // --- sockets ---------------------------------------------------------------------------------

  /**
   * Opens {@code count} sockets, 64 handshakes at a time; one that fails (the server is busy) is
   * tried again, up to three rounds, and counted in {@link Bench#reopened}.
   */
  private static void open(HttpClient client, Bench bench, String ws, List<String[]> logins, int count) throws Exception {
    Semaphore inFlight = new Semaphore(64);
    Sock[] socks = new Sock[count];
    List<Integer> pending = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      pending.add(i);
    }
    Throwable first = null;
    for (int round = 0; round < 4 && !pending.isEmpty(); round++) {
      if (round > 0) {
        bench.reopened.addAndGet(pending.size());
        say("%s: %d sockets did not open (%s); again", bench.name, pending.size(), first);
      }
      Map<Integer, CompletableFuture<Void>> started = new LinkedHashMap<>();
      for (int i : pending) {
        WebSocket.Builder builder = client.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(60));
        URI uri;
        Sock sock;
        if (bench.chat) {
          String[] login = logins.get(i); // account, conversation, token
          sock = new Sock(bench, true, login[0], login[1]);
          builder.subprotocols("dating.v1", "bearer." + login[2]);
          uri = URI.create(ws + "/ws/v1/chat");
        } else {
          sock = new Sock(bench, false, "echo-" + i, null);
          uri = URI.create(ws + "/ws/v1/echo");
        }
        socks[i] = sock;
        inFlight.acquire();
        builder.buildAsync(uri, sock).whenComplete((w, e) -> {
          if (e != null) {
            sock.ready.completeExceptionally(e);
          }
        });
        started.put(i, sock.ready.orTimeout(60, TimeUnit.SECONDS).whenComplete((x, e) -> inFlight.release()));
      }
      pending = new ArrayList<>();
      for (Map.Entry<Integer, CompletableFuture<Void>> ready : started.entrySet()) {
        try {
          ready.getValue().join();
        } catch (RuntimeException e) {
          pending.add(ready.getKey());
          first = e.getCause() != null ? e.getCause() : e;
          WebSocket broken = socks[ready.getKey()].ws;
          if (broken != null) {
            broken.abort();
          }
        }
      }
    }
    if (!pending.isEmpty()) {
      throw new IllegalStateException(pending.size() + " of " + count + " " + bench.name + " sockets did not open", first);
    }
    bench.sockets.addAll(Arrays.asList(socks));
  }

  /**
   * {@code count} demo accounts paired into active matches (consecutive ids, so the smaller first),
   * with an access token each: rows of {account, match id, token}. Accounts with an ended match are
   * left out, so every pair can talk; the same accounts and matches serve again in a later run.
   */
  private static List<String[]> matchedPairs(String jdbc, String user, String password, int count, Path signingKey,
      String issuer, String audience) throws Exception {
    List<String[]> rows = new ArrayList<>();
    try (Connection db = DriverManager.getConnection(jdbc, user, password)) {
      List<String> ids = new ArrayList<>();
      try (PreparedStatement select = db.prepareStatement(
          "select a.id::text from account a where a.email like 'demo-%@example.invalid' and a.status = 'ACTIVE'"
              + " and not exists (select 1 from match m where (m.user_a = a.id or m.user_b = a.id) and m.ended_at is not null)"
              + " order by a.id limit ?")) {
        select.setInt(1, count);
        try (ResultSet rs = select.executeQuery()) {
          while (rs.next()) {
            ids.add(rs.getString(1));
          }
        }
      }
      if (ids.size() < count) {
        throw new IllegalStateException("only " + ids.size() + " demo accounts fit; the script loads " + count);
      }
      String[] a = new String[count / 2];
      String[] b = new String[count / 2];
      for (int i = 0; i < count / 2; i++) {
        a[i] = ids.get(2 * i);
        b[i] = ids.get(2 * i + 1);
      }
      Array left = db.createArrayOf("uuid", a);
      Array right = db.createArrayOf("uuid", b);
      try (PreparedStatement insert = db.prepareStatement(
          "insert into match (id, user_a, user_b, created_at, last_activity_at)"
              + " select gen_random_uuid(), x, y, now(), now() from unnest(?::uuid[], ?::uuid[]) as p(x, y)"
              + " on conflict (user_a, user_b) do nothing")) {
        insert.setArray(1, left);
        insert.setArray(2, right);
        insert.executeUpdate();
      }
      Map<String, String> matchOf = new ConcurrentHashMap<>();
      try (PreparedStatement select = db.prepareStatement(
          "select m.user_a::text, m.id::text from match m join unnest(?::uuid[], ?::uuid[]) as p(x, y)"
              + " on m.user_a = p.x and m.user_b = p.y where m.ended_at is null")) {
        select.setArray(1, left);
        select.setArray(2, right);
        try (ResultSet rs = select.executeQuery()) {
          while (rs.next()) {
            matchOf.put(rs.getString(1), rs.getString(2));
          }
        }
      }
      RSAKey key = AccessTokens.signingKey(Files.readString(signingKey));
      RSASSASigner signer = new RSASSASigner(key);
      Instant now = Instant.now();
      for (int i = 0; i < count / 2; i++) {
        String match = matchOf.get(a[i]);
        rows.add(new String[] {a[i], match, token(signer, key, a[i], issuer, audience, now)});
        rows.add(new String[] {b[i], match, token(signer, key, b[i], issuer, audience, now)});
      }
    }
    return rows;
  }

  /** An access token as {@code AccessTokens.issue} makes it, living two hours. */
  private static String token(RSASSASigner signer, RSAKey key, String subject, String issuer, String audience, Instant now)
      throws Exception {
    JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).audience(audience).subject(subject)
        .claim("upn", subject).claim("groups", List.of("USER")).claim("sid", UUID.randomUUID().toString())
        .claim("iat_ms", now.toEpochMilli()).jwtID(UUID.randomUUID().toString()).issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(Duration.ofHours(2)))).build();
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(key.getKeyID()).build(), claims);
    jwt.sign(signer);
    return jwt.serialize();
  }

  // --- the server's memory and CPU -------------------------------------------------------------

  record Memory(long rssKib, long heapKib) {}

  record Ticks(long server, long pg, long self, long busy, long total) {}

  record Cpu(double server, double pg, double self, double busy, double total) {
    static Cpu between(Ticks a, Ticks b) {
      return new Cpu(b.server - a.server, b.pg - a.pg, b.self - a.self, b.busy - a.busy, b.total - a.total);
    }

    /** Milliseconds of CPU per message (ticks are 1/100 s). */
    double perMessage(double ticks, long messages) {
      return messages == 0 ? Double.NaN : ticks * 10.0 / messages;
    }

    double busyShare() {
      return total == 0 ? Double.NaN : busy / total;
    }
  }

  static final class Probe {
    final long server;
    final long pg;

    Probe(long server, long pg) {
      this.server = server;
      this.pg = pg;
    }

    Memory memory() throws Exception {
      jcmd("GC.run");
      Thread.sleep(500);
      jcmd("GC.run");
      String info = jcmd("GC.heap_info");
      Matcher used = USED.matcher(info);
      long heap = used.find() ? Long.parseLong(used.group(1)) : -1;
      long rss = Files.readAllLines(Path.of("/proc/" + server + "/status")).stream().filter(l -> l.startsWith("VmRSS:"))
          .map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElse(-1L);
      return new Memory(rss, heap);
    }

    String threads() throws IOException {
      return Files.readAllLines(Path.of("/proc/" + server + "/status")).stream().filter(l -> l.startsWith("Threads:"))
          .map(l -> l.replaceAll("[^0-9]", "")).findFirst().orElse("?");
    }

    String jcmd(String... command) throws IOException, InterruptedException {
      List<String> line = new ArrayList<>(List.of("jcmd", String.valueOf(server)));
      line.addAll(List.of(command));
      Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes());
      process.waitFor();
      return out;
    }

    Ticks ticks() {
      long pgTicks = 0;
      if (pg > 0) {
        pgTicks = stat(pg, true);
        try (var procs = Files.list(Path.of("/proc"))) {
          for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
            try {
              String[] f = fields(Files.readString(p.resolve("stat")));
              if (Long.parseLong(f[1]) == pg) {
                pgTicks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
              }
            } catch (IOException | RuntimeException e) {
              // gone meanwhile
            }
          }
        } catch (IOException e) {
          // no /proc: no figures
        }
      }
      long busy = 0;
      long total = 0;
      try {
        String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        for (int i = 1; i < cpu.length && i <= 8; i++) {
          long v = Long.parseLong(cpu[i]);
          total += v;
          if (i != 4 && i != 5) {
            busy += v;
          }
        }
      } catch (IOException e) {
        // no figures
      }
      return new Ticks(stat(server, false), pgTicks, stat(ProcessHandle.current().pid(), false), busy, total);
    }

    /** utime + stime (and the waited-for children's, for the postmaster) of a process, in ticks. */
    private static long stat(long pid, boolean children) {
      try {
        String[] f = fields(Files.readString(Path.of("/proc/" + pid + "/stat")));
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        return children ? ticks + Long.parseLong(f[13]) + Long.parseLong(f[14]) : ticks;
      } catch (IOException | RuntimeException e) {
        return 0;
      }
    }

    /** The fields after "(comm)": index 0 is the state, 1 the parent, 11/12 utime/stime, 13/14 the children's. */
    private static String[] fields(String stat) {
      return stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
    }
  }

  /** Daemon threads, so the JVM ends when the benchmark does. */
  static final class DaemonThreads implements java.util.concurrent.ThreadFactory {
    private final String name;
    private final AtomicInteger count = new AtomicInteger();

    DaemonThreads(String name) {
      this.name = name;
    }

    @Override
    public Thread newThread(Runnable r) {
      Thread t = new Thread(r, name + "-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    }
  }

  private static void say(String format, Object... args) {
    System.err.printf(Locale.ROOT, "%tT chat-load: %s%n", new Date(), String.format(Locale.ROOT, format, args));
  }
}
