package app.dating.discovery.control;

import app.dating.identity.control.SecretTokens;
import app.dating.shared.problem.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Feed sessions: what a feed cursor is, and how the shared cache keeps a session.
 *
 * <p>A cursor only names a session: a random token (256 bits, base64url: {@link SecretTokens})
 * handed out with the first page and given back for the next ones. It holds no position a client
 * could change, and the cache key holds the seeker's id too, so someone else's cursor opens an
 * empty session of one's own, never theirs. A cursor that cannot be one the API gave out is refused
 * as invalid input.
 *
 * <p>A session keeps whom it served and the ranked pool still to show, as {@code served;pool}, each
 * a comma-separated list of account ids. A stored state that does not read (written by another
 * version, or damaged) is refused the same way, asking to start again, rather than failing the
 * request.
 */
public final class FeedSessions {
  static final Pattern CURSOR = Pattern.compile("[A-Za-z0-9_-]{" + SecretTokens.LENGTH + "}");
  static final String NOT_OURS = "This cursor is not one the API gave out.";
  static final String UNREADABLE =
      "This feed session cannot be continued; start again without a cursor.";

  private FeedSessions() {}

  /** The session a page belongs to: the cursor's, or a new one when there is no cursor. */
  public static String cursor(String given) {
    if (given == null) {
      return SecretTokens.newToken();
    }
    if (!CURSOR.matcher(given).matches()) {
      throw InvalidInputException.of("cursor", NOT_OURS);
    }
    return given;
  }

  /** Where the shared cache keeps a seeker's session. */
  public static String key(UUID seeker, String cursor) {
    return "feed:" + seeker + ":" + cursor;
  }

  /**
   * What a session keeps: whom it served, in order, and the ranked pool still to show; both for the
   * feed to change.
   */
  public record State(Set<UUID> served, List<UUID> pool) {
    /** A session nothing was served in yet. */
    public static State empty() {
      return new State(new LinkedHashSet<>(), new ArrayList<>());
    }

    public String encode() {
      return join(served) + ";" + join(pool);
    }

    /**
     * The state {@link #encode} wrote; refused as invalid input (the cursor's) when it does not
     * read.
     */
    public static State decode(String stored) {
      String[] parts = stored.split(";", -1);
      if (parts.length != 2) {
        throw InvalidInputException.of("cursor", UNREADABLE);
      }
      try {
        return new State(new LinkedHashSet<>(ids(parts[0])), new ArrayList<>(ids(parts[1])));
      } catch (IllegalArgumentException e) {
        throw InvalidInputException.of("cursor", UNREADABLE);
      }
    }
  }

  private static List<UUID> ids(String csv) {
    return csv.isEmpty()
        ? List.of()
        : Arrays.stream(csv.split(",", -1)).map(UUID::fromString).toList();
  }

  private static String join(Collection<UUID> ids) {
    return ids.stream().map(UUID::toString).collect(Collectors.joining(","));
  }
}
