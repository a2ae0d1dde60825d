package app.dating.pubsub.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dating.pubsub.boundary.Broadcaster;
import app.dating.pubsub.boundary.Broadcaster.Subscription;
import app.dating.testing.RealRedis;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BroadcastersTest {

  @Test
  void localDeliversToEverySubscriberOfTheChannelOnly() throws InterruptedException {
    Broadcaster local = new LocalBroadcaster(Executors.newSingleThreadExecutor());
    BlockingQueue<String> first = new LinkedBlockingQueue<>();
    BlockingQueue<String> second = new LinkedBlockingQueue<>();
    BlockingQueue<String> other = new LinkedBlockingQueue<>();
    local.subscribe("chat", first::add);
    local.subscribe("chat", second::add);
    local.subscribe("presence", other::add);

    local.publish("chat", "hello");

    assertEquals("hello", first.poll(5, TimeUnit.SECONDS));
    assertEquals("hello", second.poll(5, TimeUnit.SECONDS));
    assertNull(other.poll(200, TimeUnit.MILLISECONDS));
  }

  @Test
  void closedSubscriptionReceivesNothing() throws InterruptedException {
    Broadcaster local = new LocalBroadcaster(Runnable::run);
    BlockingQueue<String> received = new LinkedBlockingQueue<>();
    Subscription subscription = local.subscribe("chat", received::add);
    subscription.close();
    local.publish("chat", "hello");
    assertNull(received.poll(100, TimeUnit.MILLISECONDS));
  }

  /** Two instances, as two platform servers sharing one Redis: what one publishes, the other gets, in order. */
  @Test
  void redisCarriesMessagesAcrossInstancesInOrder() throws Exception {
    try (RedisBroadcaster sender = new RedisBroadcaster(RealRedis.client(), Thread::new);
        RedisBroadcaster receiver = new RedisBroadcaster(RealRedis.client(), Thread::new)) {
      String channel = "test-" + UUID.randomUUID();
      BlockingQueue<String> received = new LinkedBlockingQueue<>();
      receiver.subscribe(channel, received::add);
      awaitSubscribed(receiver);

      List<String> sent = List.of("one", "two", "three", "four");
      sent.forEach(message -> sender.publish(channel, message));

      for (String expected : sent) {
        assertEquals(expected, received.poll(5, TimeUnit.SECONDS));
      }
    }
  }

  private static void awaitSubscribed(RedisBroadcaster broadcaster) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
    while (!broadcaster.isSubscribed() && Instant.now().isBefore(deadline)) {
      Thread.sleep(10);
    }
    assertTrue(broadcaster.isSubscribed(), "subscribed within 5 s");
  }
}
