package app.dating.media.control;

import app.dating.media.entity.Photo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** The files of removed photos: the same bytes are stored once, so they go only when no photo uses them. */
@ApplicationScoped
public class PhotoFiles {
  @PersistenceContext EntityManager em;
  @Inject MediaStore store;

  /** Call after the photo's row was removed and flushed. */
  public void releaseIfUnused(Photo removed) {
    String hash = removed.contentHash();
    if (em.createNamedQuery(Photo.COUNT_OF_HASH, Long.class).setParameter("hash", hash).getSingleResult() == 0) {
      store.delete(Photo.originalKey(hash));
      removed.longSides().forEach(side -> store.delete(Photo.variantKey(hash, side)));
    }
  }
}
