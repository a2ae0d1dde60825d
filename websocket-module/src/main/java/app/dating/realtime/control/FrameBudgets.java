package app.dating.realtime.control;

import app.dating.realtime.control.FrameBudget.Kind;
import app.dating.realtime.control.FrameBudget.Rate;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The frame budget every socket gets ({@link FrameBudget}): sends as many as the account may send
 * messages ({@code chat.sends-per-30s} per 30 s, so a burst of refused sends costs no more than
 * accepted ones), every other kind of frame {@code chat.frames-per-minute}.
 */
@ApplicationScoped
public class FrameBudgets {
  /**
   * Per minute and socket: a client that syncs after each reconnect, types, sends receipts for what
   * it shows and pings every 30 s stays far below.
   */
  public static final String DEFAULTS =
      "sync:10,typing:60,read:120,delivered:120,ping:30,auth:10,other:30";

  @Inject
  @ConfigProperty(name = "chat.frames-per-minute", defaultValue = DEFAULTS)
  String perMinute;

  @Inject
  @ConfigProperty(name = "chat.sends-per-30s", defaultValue = "30")
  int sendsPer30s;

  private Map<Kind, Rate> rates;

  @PostConstruct
  void read() {
    rates = rates(perMinute, sendsPer30s);
  }

  /** A new socket's budget, full. */
  public FrameBudget budget() {
    return new FrameBudget(rates, System::nanoTime);
  }

  /**
   * The rates: {@code kind:frames} per minute, comma-separated, over {@link #DEFAULTS}; sends
   * follow the message limit.
   *
   * @throws IllegalArgumentException naming the entry that does not read
   */
  static Map<Kind, Rate> rates(String perMinute, int sendsPer30s) {
    Map<Kind, Rate> rates = new EnumMap<>(Kind.class);
    for (String list : new String[] {DEFAULTS, perMinute}) {
      for (String entry : list.split(",")) {
        if (entry.isBlank()) {
          continue;
        }
        String[] pair = entry.strip().split(":", 2);
        Kind kind = kind(pair[0].strip(), entry);
        try {
          rates.put(kind, new Rate(Long.parseLong(pair[1].strip()), Duration.ofMinutes(1)));
        } catch (RuntimeException e) {
          throw new IllegalArgumentException(
              "chat.frames-per-minute: \"" + entry.strip() + "\" is not kind:frames (1 or more)",
              e);
        }
      }
    }
    rates.put(Kind.SEND, new Rate(Math.max(1, sendsPer30s), Duration.ofSeconds(30)));
    return rates;
  }

  private static Kind kind(String name, String entry) {
    for (Kind kind : Kind.values()) {
      if (kind != Kind.SEND && kind.key().equals(name)) {
        return kind;
      }
    }
    throw new IllegalArgumentException(
        "chat.frames-per-minute: \""
            + entry.strip()
            + "\" names no kind of frame (sync, typing, read, delivered, ping, auth, other;"
            + " sends follow chat.sends-per-30s)");
  }
}
