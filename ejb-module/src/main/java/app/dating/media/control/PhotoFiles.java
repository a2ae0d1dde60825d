package app.dating.media.control;

import app.dating.media.entity.Photo;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The files of photos. The same bytes are stored once, so the sizes go only when no photo uses them
 * any more. The original (the upload as it came, with its EXIF, GPS position, XMP …) is kept only
 * until the photo is processed: once it is READY or REJECTED, only the sizes (re-encoded without
 * any metadata) stay.
 */
@ApplicationScoped
public class PhotoFiles {
  private static final Logger LOG = Logger.getLogger(PhotoFiles.class.getName());

  @PersistenceContext EntityManager em;
  @Inject MediaStore store;
  @Resource TransactionSynchronizationRegistry transactions;

  /** Call after the photo's row was removed and flushed. */
  public void releaseIfUnused(Photo removed) {
    String hash = removed.contentHash();
    if (em.createNamedQuery(Photo.COUNT_OF_HASH, Long.class)
            .setParameter("hash", hash)
            .getSingleResult()
        == 0) {
      store.delete(Photo.originalKey(hash));
      removed.longSides().forEach(side -> store.delete(Photo.variantKey(hash, side)));
    }
  }

  /**
   * The photo's processing ended (READY or REJECTED) in the current transaction: its original is
   * deleted once that commits (so a rolled-back attempt still finds it for the retry), unless
   * another photo of the same bytes still waits for its processing (it drops it in its turn).
   */
  public void dropOriginalWhenCommitted(Photo processed) {
    String hash = processed.contentHash();
    long waiting =
        em.createNamedQuery(Photo.COUNT_PENDING_OF_HASH, Long.class)
            .setParameter("hash", hash)
            .setParameter("self", processed.id())
            .getSingleResult();
    if (waiting > 0) {
      return;
    }
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status != Status.STATUS_COMMITTED) {
              return;
            }
            try {
              store.delete(Photo.originalKey(hash));
            } catch (RuntimeException e) {
              LOG.log(
                  Level.WARNING, "Could not delete the original " + hash + "; the sweep will", e);
            }
          }
        });
  }
}
