package app.dating.tools.demo;

import java.util.List;

/** One line of {@code COPY ... WITH (FORMAT csv)} input, reused from row to row. */
final class CsvRow implements Row {
  private final List<String> columns;
  private final StringBuilder line = new StringBuilder(512);
  private int index;

  CsvRow(List<String> columns) {
    this.columns = List.copyOf(columns);
  }

  CsvRow start() {
    line.setLength(0);
    index = 0;
    return this;
  }

  @Override
  public Row put(String column, Object value) {
    if (index >= columns.size() || !columns.get(index).equals(column)) {
      throw new IllegalStateException("column " + column + " out of order, expected " + columns);
    }
    if (index++ > 0) {
      line.append(',');
    }
    if (value instanceof String text) {
      quote(text);
    } else if (value != null) {
      line.append(value);
    }
    return this;
  }

  CharSequence end() {
    if (index != columns.size()) {
      throw new IllegalStateException("row has " + index + " of the columns " + columns);
    }
    return line.append('\n');
  }

  private void quote(String text) {
    line.append('"');
    if (text.indexOf('"') < 0) {
      line.append(text);
    } else {
      line.append(text.replace("\"", "\"\""));
    }
    line.append('"');
  }
}
