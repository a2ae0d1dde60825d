package app.dating.media.control;

import app.dating.media.entity.Photo;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Deletes the originals no photo waits for: those kept before originals were dropped after
 * processing, and any a crash left between a processing's commit and the deletion that follows it
 * (also half-written uploads). Only files older than an hour are looked at, so an upload whose row
 * is not committed yet keeps its original. Runs every {@code media.originals-sweep-interval} on
 * each instance (first a few minutes after the start); deleting is idempotent.
 */
@Singleton
@Startup
public class OriginalsSweep {
  private static final Logger LOG = Logger.getLogger(OriginalsSweep.class.getName());
  private static final Duration SETTLED = Duration.ofHours(1);
  private static final String ORIGINALS = "originals/";
  private static final UUID NONE = new UUID(0, 0);

  @PersistenceContext EntityManager em;
  @Resource TimerService timers;
  @Inject MediaStore store;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "media.originals-sweep-interval", defaultValue = "PT1H")
  Duration interval;

  @PostConstruct
  void schedule() {
    long first = Math.min(interval.toMillis(), Duration.ofMinutes(3).toMillis());
    timers.createIntervalTimer(
        first, interval.toMillis(), new TimerConfig("media-originals-sweep", false));
  }

  @Timeout
  void sweep() {
    int deleted = 0;
    for (String key : store.keysWrittenBefore(ORIGINALS, clock.instant().minus(SETTLED))) {
      String name = key.substring(key.lastIndexOf('/') + 1);
      if (name.endsWith(".partial") || nobodyWaitsFor(name)) {
        store.delete(key);
        deleted++;
      }
    }
    if (deleted > 0) {
      int count = deleted;
      LOG.info(() -> "Deleted " + count + " photo originals no photo waits for");
    }
  }

  private boolean nobodyWaitsFor(String hash) {
    return em.createNamedQuery(Photo.COUNT_PENDING_OF_HASH, Long.class)
            .setParameter("hash", hash)
            .setParameter("self", NONE)
            .getSingleResult()
        == 0;
  }
}
