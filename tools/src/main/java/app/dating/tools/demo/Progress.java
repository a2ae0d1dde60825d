package app.dating.tools.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A progress bar such as {@code [#####.....] 45,000/100,000  45%  38,211 users/s  ETA 1s}: redrawn
 * in place on a terminal, otherwise one line per tenth of the work so logs stay readable.
 */
public final class Progress {
  private static final long REDRAW_NANOS = 100_000_000L;

  private final PrintStream out;
  private final boolean redraw;
  private long total;
  private long started;
  private long lastDrawn;
  private int lastTenth;
  private int lastLength;

  public Progress(PrintStream out, boolean redraw) {
    this.out = out;
    this.redraw = redraw;
  }

  public static Progress toStandardError() {
    return new Progress(System.err, isTerminal("/proc/self/fd/2"));
  }

  void start(long total) {
    this.total = total;
    this.started = System.nanoTime();
    this.lastDrawn = started;
    this.lastTenth = 0;
    this.lastLength = 0;
  }

  void update(long done) {
    long now = System.nanoTime();
    boolean finished = done >= total;
    if (redraw) {
      if (finished || now - lastDrawn >= REDRAW_NANOS) {
        String line = line(done, now);
        out.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
        out.flush();
        lastLength = line.length();
        lastDrawn = now;
        if (finished) {
          out.println();
        }
      }
    } else {
      int tenth = (int) (done * 10 / total);
      if (tenth > lastTenth) {
        out.println(line(done, now));
        lastTenth = tenth;
      }
    }
  }

  private String line(long done, long now) {
    double seconds = Math.max(now - started, 1) / 1e9;
    double rate = done / seconds;
    int filled = (int) Math.round(10.0 * done / total);
    return String.format(
        Locale.ROOT,
        "[%s%s] %,d/%,d  %d%%  %,d users/s  ETA %s",
        "#".repeat(filled),
        ".".repeat(10 - filled),
        done,
        total,
        done * 100 / total,
        Math.round(rate),
        duration(Math.round((total - done) / rate)));
  }

  private static String duration(long seconds) {
    if (seconds < 60) {
      return seconds + "s";
    }
    if (seconds < 3600) {
      return String.format(Locale.ROOT, "%dm %02ds", seconds / 60, seconds % 60);
    }
    return String.format(Locale.ROOT, "%dh %02dm", seconds / 3600, seconds % 3600 / 60);
  }

  private static boolean isTerminal(String descriptor) {
    if ("dumb".equals(System.getenv("TERM"))) {
      return false;
    }
    try {
      String target = Files.readSymbolicLink(Path.of(descriptor)).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException e) {
      return System.console() != null;
    }
  }
}
