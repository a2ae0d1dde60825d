package app.dating.tools.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRowTest {
  private final CsvRow row = new CsvRow(List.of("a", "b", "c", "d"));

  @Test
  void quotesTextAndLeavesNullEmpty() {
    row.start().put("a", "say \"hi\", D'Andre").put("b", null).put("c", LocalDate.of(2000, 2, 29)).put("d", "");

    assertEquals("\"say \"\"hi\"\", D'Andre\",,2000-02-29,\"\"\n", row.end().toString());
  }

  @Test
  void insistsOnTheColumnOrder() {
    assertThrows(IllegalStateException.class, () -> row.start().put("b", 1));
    row.start().put("a", 1);
    assertThrows(IllegalStateException.class, row::end);
  }
}
