package app.dating.profiles.entity;

/**
 * Cleans free text people write about themselves. The text is kept as written, including {@code <}
 * and {@code >}: it is plain text, never HTML, and every client must show it as text (no HTML or
 * Markdown rendering), which is what makes markup harmless. Removed are only characters that have
 * no business in such text: control characters (line breaks are kept where allowed, as {@code \n})
 * and the bidirectional embedding, override and isolate controls that can make text read
 * differently from what it is. Surrounding whitespace is stripped; blank becomes {@code null}.
 */
public final class PlainText {
  private PlainText() {}

  /** A single line: every control character goes (tabs and line breaks become spaces). */
  public static String line(String text) {
    return clean(text, false);
  }

  /** Several lines: line breaks are kept (as {@code \n}), other control characters go. */
  public static String lines(String text) {
    return clean(text, true);
  }

  private static String clean(String text, boolean multiline) {
    if (text == null) {
      return null;
    }
    String normalized = text.replace("\r\n", "\n").replace('\r', '\n');
    StringBuilder out = new StringBuilder(normalized.length());
    normalized.codePoints().forEach(c -> {
      if (c == '\n' && multiline) {
        out.append('\n');
      } else if (c == '\t' || c == '\n') {
        out.append(' ');
      } else if (!Character.isISOControl(c) && !isBidiControl(c)) {
        out.appendCodePoint(c);
      }
    });
    String result = out.toString().strip();
    return result.isEmpty() ? null : result;
  }

  private static boolean isBidiControl(int c) {
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
  }
}
