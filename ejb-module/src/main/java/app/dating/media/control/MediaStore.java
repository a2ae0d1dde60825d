package app.dating.media.control;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where photo files live, by key. The local filesystem is the default; an object store fits the
 * same interface.
 */
public interface MediaStore {

  /** Stores the bytes under the key, whole or not at all. */
  void put(String key, byte[] bytes);

  Optional<byte[]> get(String key);

  void delete(String key);

  /** The keys under {@code prefix} whose files were last written before {@code before}. */
  List<String> keysWrittenBefore(String prefix, Instant before);
}
