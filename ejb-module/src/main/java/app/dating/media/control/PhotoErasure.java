package app.dating.media.control;

import app.dating.identity.boundary.AccountErased;
import app.dating.media.entity.Photo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Erases the photos of an erased account, profile and chat photos alike: rows, and files no other
 * photo shares.
 */
@ApplicationScoped
public class PhotoErasure {
  @PersistenceContext EntityManager em;
  @Inject PhotoFiles files;

  void erase(@Observes AccountErased erased) {
    remove(
        em.createNamedQuery(Photo.ALL_OF_ACCOUNT, Photo.class)
            .setParameter("account", erased.accountId())
            .getResultList());
  }

  /** The photos sent in these conversations, whose messages are gone. */
  public void eraseOfConversations(Collection<UUID> conversations) {
    if (!conversations.isEmpty()) {
      remove(
          em.createNamedQuery(Photo.OF_CONVERSATIONS, Photo.class)
              .setParameter("conversations", conversations)
              .getResultList());
    }
  }

  private void remove(List<Photo> photos) {
    photos.forEach(em::remove);
    em.flush();
    photos.forEach(files::releaseIfUnused);
  }
}
