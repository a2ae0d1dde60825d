package app.dating.bench;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A row of the ceiling's table {@code bench_row} (made by {@link BenchTable}); nothing reads it.
 */
@Entity
@Table(name = "bench_row")
public class BenchRow {
  @Id private UUID id;

  @Column(nullable = false)
  private Instant at;

  protected BenchRow() {}

  public BenchRow(UUID id, Instant at) {
    this.id = id;
    this.at = at;
  }

  public UUID id() {
    return id;
  }
}
