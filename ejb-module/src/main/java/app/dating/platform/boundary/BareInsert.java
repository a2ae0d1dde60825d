package app.dating.platform.boundary;

import app.dating.platform.entity.BenchRow;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.UUID;

/**
 * A benchmark ceiling: one transaction that persists one row through JPA and commits, with no other
 * logic. Swipes/s through the API are measured against this rate (benchmarks/matching-http); only the
 * diagnostics endpoint calls it.
 */
@Stateless
public class BareInsert {
  @PersistenceContext EntityManager em;
  @Inject Clock clock;

  public UUID insertOne() {
    BenchRow row = new BenchRow(UUID.randomUUID(), clock.instant());
    em.persist(row);
    return row.id();
  }
}
