package app.dating.identity.boundary;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * An account holder's data export is being assembled, in this transaction: each component that
 * keeps data about people observes it (CDI) and adds its part, as named sections (records, lists of
 * records: written as JSON) and files (a photo). Like {@link AccountErased}, it lets identity know
 * none of them.
 */
public final class PersonalDataExport {
  private final UUID accountId;
  private final Map<String, Object> sections = new TreeMap<>();
  private final Map<String, byte[]> files = new TreeMap<>();

  public PersonalDataExport(UUID accountId) {
    this.accountId = accountId;
  }

  public UUID accountId() {
    return accountId;
  }

  /** Adds a section; each name once. */
  public void section(String name, Object content) {
    if (sections.putIfAbsent(name, content) != null) {
      throw new IllegalStateException("the export has a section " + name + " already");
    }
  }

  /** Adds a file at {@code path} of the archive; each path once. */
  public void file(String path, byte[] bytes) {
    if (files.putIfAbsent(path, bytes) != null) {
      throw new IllegalStateException("the export has a file " + path + " already");
    }
  }

  public Map<String, Object> sections() {
    return Collections.unmodifiableMap(sections);
  }

  public Map<String, byte[]> files() {
    return Collections.unmodifiableMap(files);
  }
}
