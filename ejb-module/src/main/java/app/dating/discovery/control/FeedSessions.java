package app.dating.discovery.control;

import app.dating.identity.control.SecretTokens;
import app.dating.shared.problem.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Feed sessions: what a feed cursor is, and how the shared cache keeps a session.
 *
 * <p>A cursor names a session: one of the seeker's few session slots and a random token (256 bits,
 * base64url: {@link SecretTokens}), as {@code <slot>.<token>}, handed out with the first page and
 * given back for the next ones. It holds no position a client could change, and the cache key holds
 * the seeker's id too, so someone else's cursor never opens their session. A cursor that cannot be
 * one the API gave out is refused as invalid input.
 *
 * <p>A seeker has at most a fixed number of slots ({@code discovery.feed-sessions}), taken in turn
 * by their new sessions: a new session takes the slot of their oldest, so however many requests
 * start sessions, a seeker keeps that many at most. A cursor whose slot holds another session by
 * now continues nothing; the feed starts a new session for it.
 *
 * <p>A slot keeps the session's token, whom it served and the ranked pool still to show, as {@code
 * token|served;pool}, each a comma-separated list of account ids; served keeps the last {@value
 * #SERVED_MAX}. A stored state that does not read (written by another version, or damaged) is
 * refused the same way, asking to start again, rather than failing the request.
 */
public final class FeedSessions {
  static final Pattern CURSOR =
      Pattern.compile("([0-9]{1,3})\\.([A-Za-z0-9_-]{" + SecretTokens.LENGTH + "})");

  /** Most slots a seeker may have (the cursor holds the slot in at most three digits). */
  public static final int SLOTS_MAX = 999;

  /**
   * Whom a session remembers having served, at most: the newest. With the pool (200 ids) a slot
   * holds at most 700 ids of 37 bytes, about 26 KiB.
   */
  public static final int SERVED_MAX = 500;

  static final String NOT_OURS = "This cursor is not one the API gave out.";
  static final String UNREADABLE =
      "This feed session cannot be continued; start again without a cursor.";

  private FeedSessions() {}

  /** A feed cursor: which of the seeker's slots holds the session, and the session's token. */
  public record Cursor(int slot, String token) {

    /**
     * A new session, the seeker's {@code n}th (counted from 1): in the slot whose turn it is, of
     * {@code slots}.
     */
    public static Cursor next(long n, int slots) {
      return new Cursor((int) Math.floorMod(n - 1, (long) slots), SecretTokens.newToken());
    }

    /** The cursor as the API hands it out. */
    public String text() {
      return slot + "." + token;
    }
  }

  /**
   * The cursor of a page: empty when there is none (a new session starts); refused as invalid input
   * when the API cannot have given it out.
   */
  public static Optional<Cursor> cursor(String given) {
    if (given == null) {
      return Optional.empty();
    }
    Matcher matcher = CURSOR.matcher(given);
    if (!matcher.matches()) {
      throw InvalidInputException.of("cursor", NOT_OURS);
    }
    return Optional.of(new Cursor(Integer.parseInt(matcher.group(1)), matcher.group(2)));
  }

  /** Where the shared cache keeps the session in a seeker's slot. */
  public static String key(UUID seeker, int slot) {
    return "feed:" + seeker + ":" + slot;
  }

  /** Where the shared cache counts a seeker's sessions, which take the slots in turn. */
  public static String counterKey(UUID seeker) {
    return "feedslot:" + seeker;
  }

  /** What a slot keeps of a session. */
  public static String stored(Cursor cursor, State state) {
    return cursor.token() + "|" + state.encode();
  }

  /**
   * The state a slot keeps, if it is the cursor's session; empty when a newer session took the
   * slot. Refused as invalid input (the cursor's) when it does not read.
   */
  public static Optional<State> continuing(Cursor cursor, String stored) {
    int split = stored.indexOf('|');
    if (split < 0) {
      throw InvalidInputException.of("cursor", UNREADABLE);
    }
    return stored.substring(0, split).equals(cursor.token())
        ? Optional.of(State.decode(stored.substring(split + 1)))
        : Optional.empty();
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

    /**
     * Takes the next {@code count} of the pool (fewer when it holds fewer) as served: remembered
     * among the newest {@value #SERVED_MAX}, so a long session's state stays bounded.
     */
    public List<UUID> serveNext(int count) {
      List<UUID> next = List.copyOf(pool.subList(0, Math.min(count, pool.size())));
      pool.subList(0, next.size()).clear();
      served.removeAll(next);
      served.addAll(next);
      Iterator<UUID> oldest = served.iterator();
      for (int over = served.size() - SERVED_MAX; over > 0; over--) {
        oldest.next();
        oldest.remove();
      }
      return next;
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
