package app.dating.discovery.control;

import app.dating.identity.boundary.AccountErased;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * An erased account's ranking signals go with it. (Its swipes go too, at erasure; from the moment
 * of deletion no retrain learns from them, and the next retrain leaves its id features out.)
 */
@ApplicationScoped
public class SignalErasure {
  @PersistenceContext EntityManager em;

  void erase(@Observes AccountErased erased) {
    em.createNativeQuery("delete from person_signal where account_id = ?1")
        .setParameter(1, erased.accountId())
        .executeUpdate();
  }
}
