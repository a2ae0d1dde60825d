package app.dating.payments.control;

import app.dating.payments.entity.Provider;
import app.dating.payments.entity.Subscription;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Finds a subscription by its provider's id for a change, holding a transaction-long lock on that
 * id first: two deliveries about one subscription (its checkout and its first invoice, arriving
 * together) and the expiry job take turns, and a subscription is created once.
 */
@ApplicationScoped
public class Subscriptions {
  @PersistenceContext EntityManager em;

  /** The subscription, locked; empty when there is none. */
  public Optional<Subscription> lock(Provider provider, String ref) {
    em.createNativeQuery(
            "select count(*) from (select pg_advisory_xact_lock(hashtextextended(?1, 0))) l")
        .setParameter(1, provider.name() + ":" + ref)
        .getSingleResult();
    return em.createNamedQuery(Subscription.BY_PROVIDER_REF, Subscription.class)
        .setParameter("provider", provider)
        .setParameter("ref", ref)
        .getResultStream()
        .findFirst();
  }

  /** The subscription, locked, created by {@code create} when there is none (and it makes one). */
  public Optional<Locked> lockOrCreate(
      Provider provider, String ref, Supplier<Subscription> create) {
    Optional<Subscription> found = lock(provider, ref);
    if (found.isPresent()) {
      return Optional.of(new Locked(found.get(), false));
    }
    Subscription made = create.get();
    if (made == null) {
      return Optional.empty();
    }
    em.persist(made);
    return Optional.of(new Locked(made, true));
  }

  /** A locked subscription, and whether it was created just now. */
  public record Locked(Subscription subscription, boolean created) {}
}
