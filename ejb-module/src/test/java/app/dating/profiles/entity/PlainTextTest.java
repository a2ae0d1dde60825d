package app.dating.profiles.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class PlainTextTest {

  @Test
  void keepsMarkupAsTextAndEmojiWhole() {
    assertEquals("<script>alert(1)</script> \uD83D\uDC69\u200D\uD83D\uDCBB", PlainText.lines("<script>alert(1)</script> \uD83D\uDC69\u200D\uD83D\uDCBB"));
  }

  @Test
  void dropsControlAndBidiCharacters() {
    assertEquals("ab\ncd", PlainText.lines("a\u0000b\r\nc\u202Ed\u2066"));
    assertEquals("a b c", PlainText.line("a\nb\tc"));
  }

  @Test
  void blankIsNothing() {
    assertNull(PlainText.lines(" \n\t "));
    assertNull(PlainText.line(null));
  }
}
