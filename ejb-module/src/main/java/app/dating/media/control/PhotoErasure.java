package app.dating.media.control;

import app.dating.identity.boundary.AccountErased;
import app.dating.media.entity.Photo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Erases the photos of an erased account, profile and chat photos alike: rows, and files no other photo shares. */
@ApplicationScoped
public class PhotoErasure {
  @PersistenceContext EntityManager em;
  @Inject PhotoFiles files;

  void erase(@Observes AccountErased erased) {
    List<Photo> photos = em.createNamedQuery(Photo.ALL_OF_ACCOUNT, Photo.class).setParameter("account", erased.accountId()).getResultList();
    photos.forEach(em::remove);
    em.flush();
    photos.forEach(files::releaseIfUnused);
  }
}
