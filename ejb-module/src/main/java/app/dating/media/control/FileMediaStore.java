package app.dating.media.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Photo files in a folder ({@code media.storage-dir}). Writes go to a temporary file first and are
 * moved into place atomically, so a reader never sees half a file.
 */
@ApplicationScoped
public class FileMediaStore implements MediaStore {
  private final Path root;

  @Inject
  FileMediaStore(
      @ConfigProperty(name = "media.storage-dir", defaultValue = "${java.io.tmpdir}/dating-media")
          String root) {
    this.root = Path.of(root).toAbsolutePath().normalize();
  }

  protected FileMediaStore() {
    this.root = null;
  }

  @Override
  public void put(String key, byte[] bytes) {
    Path target = resolve(key);
    try {
      Files.createDirectories(target.getParent());
      Path partial =
          target.resolveSibling(target.getFileName() + "." + UUID.randomUUID() + ".partial");
      Files.write(partial, bytes);
      Files.move(
          partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store " + key, e);
    }
  }

  @Override
  public Optional<byte[]> get(String key) {
    try {
      return Optional.of(Files.readAllBytes(resolve(key)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + key, e);
    }
  }

  @Override
  public void delete(String key) {
    try {
      Files.deleteIfExists(resolve(key));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + key, e);
    }
  }

  @Override
  public List<String> keysWrittenBefore(String prefix, Instant before) {
    Path folder = resolve(prefix);
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(folder)) {
      return files
          .filter(Files::isRegularFile)
          .filter(file -> writtenBefore(file, before))
          .map(file -> root.relativize(file).toString().replace(File.separatorChar, '/'))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + prefix, e);
    }
  }

  private static boolean writtenBefore(Path file, Instant before) {
    try {
      return Files.getLastModifiedTime(file).toInstant().isBefore(before);
    } catch (IOException e) {
      return false; // gone meanwhile
    }
  }

  /** Keys are made by the application; still, none may leave the root. */
  private Path resolve(String key) {
    Path path = root.resolve(key).normalize();
    if (!path.startsWith(root)) {
      throw new IllegalArgumentException("key outside the store: " + key);
    }
    return path;
  }
}
