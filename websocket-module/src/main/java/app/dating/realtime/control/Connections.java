package app.dating.realtime.control;

import app.dating.chat.boundary.Chat;
import app.dating.chat.boundary.ChatFrames;
import app.dating.chat.boundary.ChatMessage;
import app.dating.chat.boundary.Fanout;
import app.dating.chat.boundary.PresenceStore;
import app.dating.pubsub.boundary.Broadcaster;
import app.dating.shared.json.JsonP;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The sockets open on this instance, by account (and how many by client address, both bounded), and
 * the fan-out between instances: a stored message is announced (conversation, sequence number,
 * members) on the broadcaster, and every instance brings its members' sockets up to that number
 * from the database, in order. Typing, receipts and presence travel as ready frames addressed to
 * accounts.
 */
@ApplicationScoped
public class Connections {
  private static final Logger LOG = Logger.getLogger(Connections.class.getName());
  static final int WORKERS = 8;

  @Inject Broadcaster broadcaster;

  @Inject Chat chat;

  @Inject Fanout fanout;

  @Inject PresenceStore presence;

  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ManagedThreadFactory threads;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService scheduler;

  /**
   * How often each socket is pinged and its credential checked: below the proxy's idle timeout
   * (Apache: 60 s).
   */
  @Inject
  @ConfigProperty(name = "chat.heartbeat-seconds", defaultValue = "25")
  int heartbeatSeconds;

  /**
   * Sockets one account may hold on this instance: its devices and browser tabs, not a script's
   * thousands.
   */
  @Inject
  @ConfigProperty(name = "chat.sockets-per-account", defaultValue = "10")
  int socketsPerAccount;

  /**
   * Sockets one client address may hold on this instance, signed in or not (behind a carrier's NAT,
   * many people share one).
   */
  @Inject
  @ConfigProperty(name = "chat.sockets-per-address", defaultValue = "200")
  int socketsPerAddress;

  private final Map<UUID, Set<Connection>> byAccount = new ConcurrentHashMap<>();
  private final Map<String, Integer> byAddress = new ConcurrentHashMap<>();
  private Broadcaster.Subscription messages;
  private Broadcaster.Subscription signals;
  private ScheduledFuture<?> heartbeat;
  private ScheduledFuture<?> keepAlive;

  /**
   * Deliveries and presence announcements run on threads of our own, made by the managed thread
   * factory once, not handed one by one to the managed executor: Payara's context capture for each
   * task scans the application's class path (ServiceLoader), a tenth of a message's CPU here.
   */
  private ExecutorService workers;

  @PostConstruct
  void subscribe() {
    workers = Executors.newFixedThreadPool(WORKERS, threads);
    messages =
        broadcaster.subscribe(
            Fanout.MESSAGES, payload -> workers.execute(() -> onMessage(payload)));
    signals =
        broadcaster.subscribe(Fanout.SIGNALS, payload -> workers.execute(() -> onSignal(payload)));
    long every = PresenceStore.ONLINE_TTL.toSeconds() / 3;
    heartbeat =
        scheduler.scheduleAtFixedRate(this::refreshPresence, every, every, TimeUnit.SECONDS);
    keepAlive =
        scheduler.scheduleAtFixedRate(
            this::keepAlive, heartbeatSeconds, heartbeatSeconds, TimeUnit.SECONDS);
  }

  @PreDestroy
  void unsubscribe() {
    heartbeat.cancel(false);
    keepAlive.cancel(false);
    messages.close();
    signals.close();
    workers.shutdown();
  }

  /**
   * Counts a socket opened from a client address; false, and not counted, when the address holds
   * {@code chat.sockets-per-address} already. Each socket counted is {@link #release}d when it
   * closes.
   */
  public boolean admit(String address) {
    AtomicBoolean admitted = new AtomicBoolean();
    byAddress.compute(
        address,
        (a, open) -> {
          int count = open == null ? 0 : open;
          if (count >= socketsPerAddress) {
            return open;
          }
          admitted.set(true);
          return count + 1;
        });
    return admitted.get();
  }

  /** A socket {@link #admit}ted from this address closed. */
  public void release(String address) {
    byAddress.computeIfPresent(address, (a, open) -> open <= 1 ? null : open - 1);
  }

  /**
   * Registers a signed-in socket, unless its account holds {@code chat.sockets-per-account} on this
   * instance already (false); the account's first one on this instance announces it online.
   */
  public boolean add(Connection connection) {
    AtomicBoolean first = new AtomicBoolean();
    AtomicBoolean added = new AtomicBoolean();
    byAccount.compute(
        connection.accountId(),
        (account, sockets) -> {
          Set<Connection> mine = sockets == null ? ConcurrentHashMap.newKeySet() : sockets;
          if (mine.size() < socketsPerAccount) {
            first.set(mine.isEmpty());
            added.set(mine.add(connection));
          }
          return mine.isEmpty() ? null : mine;
        });
    if (!added.get()) {
      return false;
    }
    presence.online(connection.accountId());
    if (first.get()) {
      announcePresence(connection.accountId(), true);
    }
    return true;
  }

  /**
   * Forgets a socket; the account's last one on this instance takes it offline. Adding and removing
   * are atomic per account, so a device reconnecting while its old socket closes is never dropped.
   */
  public void remove(Connection connection) {
    AtomicBoolean removed = new AtomicBoolean();
    AtomicBoolean last = new AtomicBoolean();
    byAccount.computeIfPresent(
        connection.accountId(),
        (account, mine) -> {
          removed.set(mine.remove(connection));
          last.set(removed.get() && mine.isEmpty());
          return mine.isEmpty() ? null : mine;
        });
    if (last.get()) {
      presence.offline(connection.accountId());
      announcePresence(connection.accountId(), false);
    } else if (removed.get()) {
      presence.seen(connection.accountId());
    }
  }

  /**
   * Delivers a message just stored to the members' sockets on this instance without reading it
   * back: a socket that has everything before it gets it from memory; one that misses more fetches,
   * in order, as for an announcement. The announcement that follows finds these sockets up to date.
   */
  public void deliverHere(ChatMessage message, Collection<UUID> members) {
    bringUpTo(message.conversation(), message.seq(), members, Optional.of(message));
  }

  /**
   * Brings the members' sockets on this instance up to {@code seq}, fetching what they miss (the
   * message in hand excepted).
   */
  private void bringUpTo(
      UUID conversation, long seq, Collection<UUID> members, Optional<ChatMessage> inHand) {
    for (UUID account : members) {
      for (Connection connection : of(account)) {
        connection.deliverUpTo(
            conversation,
            seq,
            after ->
                inHand
                    .filter(m -> after == m.seq() - 1)
                    .map(List::of)
                    .orElseGet(() -> chat.after(account, conversation, after, seq, 200)));
      }
    }
  }

  /** Tells every instance that a message is stored: each brings its members' sockets up to it. */
  public void announce(UUID conversation, long seq, Collection<UUID> members) {
    fanout.announce(conversation, seq, members);
  }

  /** Sends a ready frame to every socket of the accounts, on whichever instance they are. */
  public void signal(Collection<UUID> accounts, String frame) {
    fanout.signal(accounts, frame);
  }

  public Set<Connection> of(UUID accountId) {
    return byAccount.getOrDefault(accountId, Set.of());
  }

  private void onMessage(String payload) {
    try {
      JsonObject announced = JsonP.readObject(payload);
      List<UUID> members =
          announced.getJsonArray("members").getValuesAs(JsonString.class).stream()
              .map(member -> UUID.fromString(member.getString()))
              .toList();
      bringUpTo(
          UUID.fromString(announced.getString("conversation")),
          announced.getJsonNumber("seq").longValue(),
          members,
          Optional.empty());
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "a message announcement could not be delivered; clients catch up with sync",
          e);
    }
  }

  private void onSignal(String payload) {
    try {
      JsonObject signal = JsonP.readObject(payload);
      String frame = signal.getString("frame");
      signal
          .getJsonArray("to")
          .getValuesAs(JsonString.class)
          .forEach(id -> of(UUID.fromString(id.getString())).forEach(c -> c.send(frame)));
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "a signal could not be delivered", e);
    }
  }

  private void announcePresence(UUID account, boolean online) {
    workers.execute(
        () -> {
          try {
            if (chat.hidesPresence(account)) {
              return;
            }
            List<UUID> peers = chat.peers(account);
            if (!peers.isEmpty()) {
              signal(peers, ChatFrames.presence(account, online));
            }
          } catch (RuntimeException e) {
            LOG.log(Level.FINE, "presence not announced", e);
          }
        });
  }

  private void refreshPresence() {
    byAccount.keySet().forEach(presence::online);
  }

  /**
   * Pings every socket, so that proxies do not close quiet ones, and closes (4401) those whose
   * token expired or was revoked, or whose browser session ended, even if they send nothing.
   */
  private void keepAlive() {
    byAccount
        .values()
        .forEach(
            sockets ->
                sockets.forEach(
                    connection -> {
                      try {
                        if (connection.isSignedIn()) {
                          connection.ping();
                        } else {
                          connection.signOut();
                        }
                      } catch (RuntimeException e) {
                        LOG.log(Level.FINE, "heartbeat of a socket failed", e);
                      }
                    }));
  }
}
