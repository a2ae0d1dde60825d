package app.dating.identity.control;

import app.dating.identity.entity.OneTimeToken;
import app.dating.identity.entity.OneTimeToken.Purpose;
import app.dating.shared.json.JsonP;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Links sent by mail that carry a one-time token; only its hash is stored. The token is stored, in
 * a transaction of its own, before its mail goes: a link followed the moment it arrives must find
 * it (made in the mail job's transaction, it was committed only after the mail had left, and a
 * quick click got "not valid"). A mail that then fails leaves an unused token to expire; the job's
 * retry mails a new one.
 */
@ApplicationScoped
public class MailedLinks {
  @PersistenceContext EntityManager em;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "app.public-url", defaultValue = "http://localhost:8080")
  String publicUrl;

  /**
   * Stores a new token for {@code purpose} and returns the link to {@code page} that carries it.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public String issue(
      Purpose purpose, java.util.UUID accountId, String email, Duration validity, String page) {
    Instant now = clock.instant();
    String token = SecretTokens.newToken();
    em.persist(
        new OneTimeToken(
            SecretTokens.hash(token), purpose, accountId, email, now, now.plus(validity)));
    return publicUrl + "/" + page + "?token=" + token;
  }

  /**
   * Spends a presented token for {@code purpose}, once; empty when it is unknown, used, expired or
   * for another purpose.
   */
  public Optional<OneTimeToken> spend(String presented, Purpose purpose) {
    if (!SecretTokens.looksLikeToken(presented)) {
      return Optional.empty();
    }
    return Optional.ofNullable(
            em.find(
                OneTimeToken.class, SecretTokens.hash(presented), LockModeType.PESSIMISTIC_WRITE))
        .filter(token -> token.use(purpose, clock.instant()));
  }

  /**
   * Spends every link of the account still unspent, of both purposes: after a password reset or an
   * email change, a link mailed before (perhaps to an old address, perhaps read by someone else)
   * must not move or open the account again.
   */
  public void voidAll(java.util.UUID accountId) {
    em.createNamedQuery(OneTimeToken.VOID_OF_ACCOUNT)
        .setParameter("now", clock.instant())
        .setParameter("account", accountId)
        .executeUpdate();
  }

  static JsonObject read(String payload) {
    return JsonP.readObject(payload);
  }
}
