package app.dating.chat.boundary;

import app.dating.cache.boundary.SharedCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who is online: a key with a short time to live in the shared cache (Redis with several instances,
 * in-process otherwise), refreshed while a socket is open; and when each was last seen. Accounts
 * with a socket on this instance are also known here, so asking about them (every chat message asks
 * about its recipient) needs no round trip.
 *
 * <p>Part of the chat boundary: the socket module reports here who opened and closed sockets.
 */
@ApplicationScoped
public class PresenceStore {
  /** Sockets refresh well within this; a crashed instance's people drop offline after it. */
  public static final Duration ONLINE_TTL = Duration.ofSeconds(75);

  static final Duration LAST_SEEN_TTL = Duration.ofDays(30);

  @Inject SharedCache cache;

  @Inject Clock clock;

  private final Set<UUID> here = ConcurrentHashMap.newKeySet();

  public void online(UUID accountId) {
    here.add(accountId);
    cache.put("presence:online:" + accountId, "1", ONLINE_TTL);
    seen(accountId);
  }

  /**
   * The account's last socket on this instance closed: offline at once, not a time-to-live later (a
   * socket on another instance sets it online again at its next refresh, within a third of the
   * TTL).
   */
  public void offline(UUID accountId) {
    here.remove(accountId);
    cache.take("presence:online:" + accountId);
    seen(accountId);
  }

  public void seen(UUID accountId) {
    cache.put("presence:seen:" + accountId, clock.instant().toString(), LAST_SEEN_TTL);
  }

  public boolean isOnline(UUID accountId) {
    return here.contains(accountId) || cache.get("presence:online:" + accountId).isPresent();
  }

  public Optional<Instant> lastSeen(UUID accountId) {
    return cache.get("presence:seen:" + accountId).map(Instant::parse);
  }
}
