package app.dating.profiles.control;

import app.dating.identity.boundary.AccountErased;
import app.dating.profiles.entity.Profile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** Erases the profile (bio, prompts, interests, location cell) of an erased account. */
@ApplicationScoped
public class ProfileErasure {
  @PersistenceContext EntityManager em;

  void erase(@Observes AccountErased erased) {
    Optional.ofNullable(em.find(Profile.class, erased.accountId())).ifPresent(em::remove);
  }
}
