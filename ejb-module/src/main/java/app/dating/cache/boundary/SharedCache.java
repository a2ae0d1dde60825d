package app.dating.cache.boundary;

import java.time.Duration;
import java.util.Optional;

/**
 * Short-lived values every instance sees: in Redis when it is configured, in process otherwise. For
 * facts that expire by themselves (revocations, presence), never for data of record.
 */
public interface SharedCache {

  void put(String key, String value, Duration timeToLive);

  Optional<String> get(String key);

  /** Reads and removes a value at once, so of two callers only one gets it (single-use values). */
  Optional<String> take(String key);

  /**
   * Adds one to a counter and returns the new count, atomically across instances. A counter that
   * does not exist starts at zero and lives {@code timeToLive} from then (more increments do not
   * extend it).
   */
  long increment(String key, Duration timeToLive);
}
