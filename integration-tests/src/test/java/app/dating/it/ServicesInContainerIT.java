package app.dating.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dating.discovery.control.Retraining;
import app.dating.jobs.boundary.JobView;
import app.dating.jobs.boundary.Jobs;
import app.dating.jobs.entity.JobType;
import app.dating.platform.boundary.ScheduledRuns;
import app.dating.platform.control.RedisConnection;
import app.dating.pubsub.boundary.Broadcaster;
import app.dating.pubsub.boundary.Broadcaster.Subscription;
import app.dating.ratelimit.boundary.RateLimit;
import app.dating.ratelimit.boundary.RateLimiter;
import app.dating.ratelimit.boundary.RateLimiter.Decision;
import app.dating.shared.problem.RateLimitedException;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The EJB module's services, called in the server. The deployment is the built EAR without its two
 * web modules (their context roots belong to the platform's own {@code dating} application, which
 * runs next to it) plus a WAR with this class: a second application with the same EJB jar and lib/,
 * sharing the platform's database, JMS queues and Redis.
 *
 * <p>No {@code @PersistenceContext} here: the unit {@code dating} is defined in the EJB jar, so it
 * is scoped to that module; Payara resolves a reference from the WAR only to units of the WAR
 * itself or of the EAR's lib/ (not even as {@code dating-ejb.jar#dating}), and the deployment
 * fails.
 */
@ExtendWith(ArquillianExtension.class)
class ServicesInContainerIT {
  static final String NAME = "dating-services-it";

  @Deployment
  static EnterpriseArchive deployment() {
    File builtEar =
        Path.of(System.getProperty("it.root", ".."), "ear", "target", "dating.ear").toFile();
    EnterpriseArchive ear =
        ShrinkWrap.create(ZipImporter.class, NAME + ".ear")
            .importFrom(builtEar)
            .as(EnterpriseArchive.class);
    List<ArchivePath> dropped =
        ear
            .getContent(
                path -> {
                  String p = path.get();
                  return p.equals("/dating-web.war")
                      || p.equals("/dating-websocket.war")
                      || p.equals("/META-INF/application.xml")
                      || p.startsWith("/META-INF/maven");
                })
            .keySet()
            .stream()
            .toList();
    dropped.forEach(ear::delete);

    WebArchive tests =
        ShrinkWrap.create(WebArchive.class, "services-it.war")
            .addClass(ServicesInContainerIT.class)
            .addAsWebInfResource(
                new StringAsset(
                    """
                    <beans xmlns="https://jakarta.ee/xml/ns/jakartaee" version="4.0"
                           bean-discovery-mode="all"/>
                    """),
                "beans.xml");
    return ear.addAsModule(tests)
        .setApplicationXML(
            new StringAsset(
                """
                <?xml version="1.0" encoding="UTF-8"?>
                <application xmlns="https://jakarta.ee/xml/ns/jakartaee" version="10">
                  <application-name>%s</application-name>
                  <module><ejb>dating-ejb.jar</ejb></module>
                  <module>
                    <web><web-uri>services-it.war</web-uri><context-root>/services-it</context-root></web>
                  </module>
                  <library-directory>lib</library-directory>
                </application>
                """
                    .formatted(NAME)));
  }

  @Inject RateLimiter rateLimiter;
  @Inject RedisConnection redis;
  @Inject Broadcaster broadcaster;
  @Inject Jobs jobs;
  @Inject JMSContext jms;
  @Inject ScheduledRuns runs;

  @Resource(lookup = "jdbc/dating")
  javax.sql.DataSource database;

  @Resource(lookup = "jms/jobs-dead")
  Queue deadLetters;

  /**
   * Scheduled work claims its period in the database: of several claims at once (instances whose
   * timers fire together), exactly one wins, and the period is taken until it has passed.
   */
  @Test
  void scheduledWorkRunsOncePerPeriodWhoeverClaimsIt() throws Exception {
    String work = "it-" + UUID.randomUUID();
    var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<Boolean>> claims =
          pool.invokeAll(Collections.nCopies(8, () -> runs.claim(work, Duration.ofHours(1))));
      long won = 0;
      for (var claim : claims) {
        won += claim.get() ? 1 : 0;
      }
      assertEquals(1, won, "one of eight claims at once");
    } finally {
      pool.shutdownNow();
    }
    assertFalse(runs.claim(work, Duration.ofHours(1)), "the period is taken");
    assertTrue(runs.claim(work, Duration.ofMillis(1)), "a period that has passed is free again");
    assertTrue(
        runs.claim("it-" + UUID.randomUUID(), Duration.ofHours(1)),
        "each work has its own periods");
  }

  /**
   * The ranking model's scheduled retrain claims its day under its own key: when both instances'
   * timers fire together, one trains.
   */
  @Test
  void theRankingRetrainIsClaimedByOneOfManyInstancesPerDay() throws Exception {
    try (java.sql.Connection db = database.getConnection();
        java.sql.PreparedStatement free =
            db.prepareStatement("delete from scheduled_run where name = ?")) {
      free.setString(1, Retraining.WORK);
      free.executeUpdate();
    }
    var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      java.util.concurrent.Callable<Boolean> claimTheDay =
          () -> runs.claim(Retraining.WORK, Duration.ofDays(1));
      long won = 0;
      for (var claim : pool.invokeAll(Collections.nCopies(8, claimTheDay))) {
        won += claim.get() ? 1 : 0;
      }
      assertEquals(1, won, "one of eight instances retrains");
    } finally {
      pool.shutdownNow();
    }
    assertFalse(runs.claim(Retraining.WORK, Duration.ofDays(1)), "not again the same day");
  }

  @Test
  void rateLimiterKeepsItsBucketsInRedis() {
    RateLimit limit = new RateLimit("it-" + UUID.randomUUID(), 3, Duration.ofMinutes(1));
    String subject = "subject-" + UUID.randomUUID();

    for (long remaining = 2; remaining >= 0; remaining--) {
      Decision decision = rateLimiter.tryConsume(limit, subject, 1);
      assertTrue(decision.allowed(), decision::toString);
      assertEquals(remaining, decision.remaining(), decision::toString);
    }
    Decision refused = rateLimiter.tryConsume(limit, subject, 1);
    assertFalse(refused.allowed(), refused::toString);
    assertTrue(refused.retryAfter().compareTo(Duration.ZERO) > 0, refused::toString);
    assertTrue(refused.retryAfter().compareTo(Duration.ofSeconds(20)) <= 0, refused::toString);

    // The bucket lives in Redis (the in-process limiter would leave no key there).
    assertTrue(redis.description().startsWith("redis://"), redis.description());
    String key = limit.keyFor(subject);
    assertTrue(redis.client().orElseThrow().exists(key.getBytes(StandardCharsets.UTF_8)), key);

    // consume() is a default method on the interface: it reaches the caller through the CDI
    // client proxy unwrapped (a CDI bean, not an EJB, so no EJBException around it).
    RateLimitedException e =
        assertThrows(RateLimitedException.class, () -> rateLimiter.consume(limit, subject));
    assertTrue(e.retryAfter().compareTo(Duration.ZERO) > 0, () -> String.valueOf(e.retryAfter()));
    assertTrue(e.getMessage().contains(limit.name()), e::getMessage);
  }

  @Test
  void broadcasterDeliversToSubscribersUntilTheyClose() throws InterruptedException {
    String channel = "it-" + UUID.randomUUID();
    BlockingQueue<String> received = new LinkedBlockingQueue<>();
    BlockingQueue<String> witnessed = new LinkedBlockingQueue<>();

    Subscription subscription = broadcaster.subscribe(channel, received::add);
    try (Subscription witness = broadcaster.subscribe(channel, witnessed::add)) {
      // Redis subscribes on its own thread, so the first messages may go unseen: publish until
      // one arrives.
      Instant deadline = Instant.now().plusSeconds(5);
      String got = null;
      for (int i = 0; got == null && Instant.now().isBefore(deadline); i++) {
        broadcaster.publish(channel, "hello " + i);
        got = received.poll(100, TimeUnit.MILLISECONDS);
      }
      assertNotNull(got, "nothing received on " + channel + " within 5 s");
      assertTrue(got.startsWith("hello "), got);

      subscription.close();
      broadcaster.publish(channel, "after close");
      // One subscriber thread delivers in publish order, so once the witness (still subscribed) has
      // "after close", every earlier message has been handed out, and the closed one was skipped.
      // (The witness may first see retries of "hello" still in flight.)
      Instant witnessDeadline = Instant.now().plusSeconds(5);
      String seen = null;
      while (!"after close".equals(seen) && Instant.now().isBefore(witnessDeadline)) {
        seen = witnessed.poll(100, TimeUnit.MILLISECONDS);
      }
      assertEquals(
          "after close", seen, "the witness did not get the message published after close");
      assertFalse(received.contains("after close"), "delivered after close: " + received);
    } finally {
      subscription.close();
    }
  }

  @Test
  void failingJobIsDeadLetteredWithItsReason() throws InterruptedException, JMSException {
    JobView submitted = jobs.submit(JobType.DIAGNOSTIC, "{\"message\":\"x\",\"fail\":true}");
    assertEquals("QUEUED", submitted.status());

    JobView job = awaitFinished(submitted.id());
    assertEquals("DEAD_LETTERED", job.status(), job::toString);
    assertEquals(3, job.attempts(), job::toString);
    assertTrue(job.lastError().contains("asked to fail"), job::toString);

    // The job row is final before the listener's transaction puts the message on the DLQ.
    Optional<Message> dead = Optional.empty();
    Instant deadline = Instant.now().plusSeconds(10);
    while (dead.isEmpty() && Instant.now().isBefore(deadline)) {
      dead = deadLetter(submitted.id());
      if (dead.isEmpty()) {
        Thread.sleep(100);
      }
    }
    Message message = dead.orElseThrow(() -> new AssertionError("job not in jms/jobs-dead"));
    String reason = message.getStringProperty("reason");
    assertTrue(reason != null && reason.contains("asked to fail"), reason);
    assertEquals("DIAGNOSTIC", message.getStringProperty("jobType"));
  }

  private JobView awaitFinished(UUID id) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(30);
    JobView job;
    do {
      job = jobs.find(id).orElseThrow(() -> new AssertionError("job " + id + " not stored"));
      if (job.status().equals("SUCCEEDED") || job.status().equals("DEAD_LETTERED")) {
        return job;
      }
      Thread.sleep(100);
    } while (Instant.now().isBefore(deadline));
    throw new AssertionError("job still " + job + " after 30 s");
  }

  private Optional<Message> deadLetter(UUID jobId) throws JMSException {
    try (QueueBrowser browser = jms.createBrowser(deadLetters)) {
      for (Object each : Collections.list(browser.getEnumeration())) {
        Message message = (Message) each;
        if (jobId.toString().equals(message.getBody(String.class))) {
          return Optional.of(message);
        }
      }
    }
    return Optional.empty();
  }
}
