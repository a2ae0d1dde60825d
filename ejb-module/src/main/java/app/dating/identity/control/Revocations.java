package app.dating.identity.control;

import app.dating.cache.boundary.SharedCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Ends access tokens before they expire: for one session (logout, password change elsewhere) or
 * for all of an account (logout everywhere, deletion, role change). A revocation is a timestamp in
 * the shared cache that outlives the tokens it concerns; tokens issued up to that millisecond are
 * refused.
 */
@ApplicationScoped
public class Revocations {
  @Inject SharedCache cache;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "jwt.access-token-lifetime", defaultValue = "PT15M")
  Duration tokenLifetime;

  public void endAccount(UUID accountId) {
    mark("revoked:account:" + accountId);
  }

  public void endSessions(Collection<UUID> sessionIds) {
    sessionIds.forEach(sid -> mark("revoked:session:" + sid));
  }

  public boolean isRevoked(UUID accountId, UUID sessionId, Instant issuedAt) {
    return revokedAt("revoked:account:" + accountId, issuedAt)
        || (sessionId != null && revokedAt("revoked:session:" + sessionId, issuedAt));
  }

  private void mark(String key) {
    cache.put(key, String.valueOf(clock.instant().toEpochMilli()), tokenLifetime.plusMinutes(1));
  }

  private boolean revokedAt(String key, Instant issuedAt) {
    return cache.get(key).map(Long::parseLong).filter(millis -> issuedAt.toEpochMilli() <= millis).isPresent();
  }
}
