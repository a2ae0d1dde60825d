package app.dating.tools.demo;

/** Receives the column values of one row, in the same column order for every row. */
interface Row {
  Row put(String column, Object value);
}
