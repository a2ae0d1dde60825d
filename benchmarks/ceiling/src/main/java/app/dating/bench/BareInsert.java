package app.dating.bench;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.UUID;

/**
 * The ceiling: one container-managed transaction that persists one row through JPA and commits,
 * with no other logic, as the platform's boundaries do their work.
 */
@Stateless
public class BareInsert {
  @PersistenceContext EntityManager em;

  public UUID insertOne() {
    BenchRow row = new BenchRow(UUID.randomUUID(), Instant.now());
    em.persist(row);
    return row.id();
  }
}
