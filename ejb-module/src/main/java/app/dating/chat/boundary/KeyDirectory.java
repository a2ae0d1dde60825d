package app.dating.chat.boundary;

import app.dating.chat.control.BundleValidation;
import app.dating.chat.control.BundleValidation.RawPreKey;
import app.dating.chat.control.BundleValidation.ValidBundle;
import app.dating.chat.entity.KeyBundle;
import app.dating.chat.entity.OneTimePreKey;
import app.dating.identity.boundary.AccountErased;
import app.dating.identity.boundary.AddressProven;
import app.dating.matching.entity.Match;
import app.dating.ratelimit.boundary.RateLimit;
import app.dating.ratelimit.boundary.RateLimiter;
import app.dating.shared.problem.BusinessException;
import app.dating.shared.problem.InvalidInputException;
import app.dating.shared.problem.Problem.FieldViolation;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The directory of end-to-end public keys. People publish their bundle; a match fetches it and
 * takes one one-time pre-key with it. The server only stores and relays public keys: it cannot read
 * end-to-end messages, but it could hand out a forged bundle, which apps detect by comparing safety
 * numbers (see {@code docs/chat-encryption.md}).
 */
@Stateless
public class KeyDirectory {
  /**
   * Each fetch uses up one of the peer's one-time pre-keys, so a match cannot drain them quickly.
   */
  static final RateLimit FETCHES = new RateLimit("e2e-key-fetch", 60, Duration.ofHours(1));

  private static final Base64.Encoder BASE64 = Base64.getEncoder();

  @PersistenceContext EntityManager em;
  @Inject RateLimiter limiter;
  @Inject Clock clock;

  /**
   * Publishes {@code owner}'s bundle: replaces the identity, signing and signed pre-key, and adds
   * the one-time pre-keys. A new identity or signing key (a new install) drops the one-time
   * pre-keys stored before. Uploading a stored key id again with the same key is harmless (a
   * retry); with another key it is refused.
   */
  public void publish(UUID owner, BundleUpload upload) {
    ValidBundle bundle = BundleValidation.validate(upload);
    Instant now = clock.instant();
    em.createNamedQuery(KeyBundle.INSERT_IF_ABSENT)
        .setParameter(1, owner)
        .setParameter(2, bundle.identityKey())
        .setParameter(3, bundle.signingKey())
        .setParameter(4, bundle.signedPreKeyId())
        .setParameter(5, bundle.signedPreKey())
        .setParameter(6, bundle.signedPreKeySignature())
        .setParameter(7, now)
        .executeUpdate();
    KeyBundle stored = em.find(KeyBundle.class, owner, LockModeType.PESSIMISTIC_WRITE);
    boolean newIdentity =
        stored.replace(
            bundle.identityKey(),
            bundle.signingKey(),
            bundle.signedPreKeyId(),
            bundle.signedPreKey(),
            bundle.signedPreKeySignature(),
            now);
    if (newIdentity) {
      em.createNamedQuery(OneTimePreKey.DELETE_ALL).setParameter("owner", owner).executeUpdate();
    }
    Map<Integer, OneTimePreKey> existing =
        em.createNamedQuery(OneTimePreKey.OF_OWNER, OneTimePreKey.class)
            .setParameter("owner", owner)
            .getResultStream()
            .collect(Collectors.toMap(OneTimePreKey::keyId, Function.identity()));
    List<RawPreKey> fresh = new ArrayList<>();
    List<FieldViolation> taken = new ArrayList<>();
    for (RawPreKey preKey : bundle.oneTimePreKeys()) {
      OneTimePreKey prior = existing.get(preKey.keyId());
      if (prior == null) {
        fresh.add(preKey);
      } else if (!prior.holds(preKey.publicKey())) {
        taken.add(
            new FieldViolation(
                preKey.field("keyId"),
                "Key id " + preKey.keyId() + " is published already, with another key."));
      }
    }
    if (!taken.isEmpty()) {
      throw new InvalidInputException(taken);
    }
    BundleValidation.checkRoom(existing.size(), fresh.size());
    for (RawPreKey preKey : fresh) {
      em.persist(new OneTimePreKey(owner, preKey.keyId(), preKey.publicKey()));
    }
  }

  /**
   * {@code peer}'s bundle for {@code requester}, with one one-time pre-key that is deleted as it is
   * handed out (none when they ran out). Only for the two people of an active match; to anyone else
   * the bundle does not exist.
   */
  public PeerBundle fetch(UUID requester, UUID peer) {
    limiter.consume(FETCHES, requester.toString());
    if (requester.equals(peer) || !shareActiveMatch(requester, peer)) {
      throw BusinessException.notFound("Key bundle");
    }
    KeyBundle bundle = em.find(KeyBundle.class, peer);
    if (bundle == null) {
      throw BusinessException.notFound("Key bundle");
    }
    return new PeerBundle(
        peer,
        BASE64.encodeToString(bundle.identityKey()),
        BASE64.encodeToString(bundle.signingKey()),
        bundle.signedPreKeyId(),
        BASE64.encodeToString(bundle.signedPreKey()),
        BASE64.encodeToString(bundle.signedPreKeySignature()),
        takeOneTimePreKey(peer));
  }

  /** How many one-time pre-keys {@code owner} has left (apps top them up when few remain). */
  public long oneTimePreKeysLeft(UUID owner) {
    return em.createNamedQuery(OneTimePreKey.COUNT, Long.class)
        .setParameter("owner", owner)
        .getSingleResult();
  }

  /** An erased account's keys go with it. */
  public void accountErased(@Observes AccountErased erased) {
    deleteKeys(erased.accountId());
  }

  /**
   * Keys published before the account's address was first proven may be someone else's, who opened
   * the account with that address: they go, and the owner's apps publish theirs again.
   */
  public void addressProven(@Observes AddressProven proven) {
    deleteKeys(proven.accountId());
  }

  private void deleteKeys(UUID owner) {
    em.createNamedQuery(OneTimePreKey.DELETE_ALL).setParameter("owner", owner).executeUpdate();
    em.createNamedQuery(KeyBundle.DELETE).setParameter("owner", owner).executeUpdate();
  }

  private boolean shareActiveMatch(UUID one, UUID other) {
    UUID[] pair = Match.pair(one, other);
    Number matches =
        (Number)
            em.createNamedQuery(KeyBundle.ACTIVE_MATCHES)
                .setParameter(1, pair[0])
                .setParameter(2, pair[1])
                .getSingleResult();
    return matches.longValue() > 0;
  }

  /** Locks the lowest free key (skipping those a concurrent fetch holds), then deletes it. */
  private BundleUpload.PreKey takeOneTimePreKey(UUID owner) {
    @SuppressWarnings("unchecked")
    List<Object[]> next =
        em.createNamedQuery(OneTimePreKey.LOCK_NEXT).setParameter(1, owner).getResultList();
    if (next.isEmpty()) {
      return null;
    }
    int keyId = ((Number) next.get(0)[0]).intValue();
    byte[] publicKey = (byte[]) next.get(0)[1];
    em.createNamedQuery(OneTimePreKey.DELETE_ONE)
        .setParameter(1, owner)
        .setParameter(2, keyId)
        .executeUpdate();
    return new BundleUpload.PreKey(keyId, BASE64.encodeToString(publicKey));
  }
}
