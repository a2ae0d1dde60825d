package app.dating.tools.demo;

import java.util.List;

/** The CSV lines of one table for one batch, sent with one {@code COPY ... FROM STDIN}. */
final class CopyTable {
  private final String table;
  private final List<String> columns;
  private final CsvRow row;
  private final StringBuilder data;
  private int rows;

  CopyTable(String table, List<String> columns, int capacity) {
    this.table = table;
    this.columns = List.copyOf(columns);
    this.row = new CsvRow(columns);
    this.data = new StringBuilder(capacity);
  }

  /** A new row: put every column in order, then {@link #end}. */
  Row add() {
    return row.start();
  }

  void end() {
    data.append(row.end());
    rows++;
  }

  String table() {
    return table;
  }

  String copySql() {
    return "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN WITH (FORMAT csv)";
  }

  CharSequence data() {
    return data;
  }

  int rows() {
    return rows;
  }
}
