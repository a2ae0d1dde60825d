package app.dating.chat.control;

import app.dating.chat.control.MessageCipher.DataKey;
import app.dating.chat.entity.Conversation;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Master-key rotation, step 3 (docs/chat-encryption.md): every {@code chat.rewrap-interval}, the
 * data keys of conversations still wrapped by a retiring master key (listed after the active one)
 * are wrapped again by the active one, a batch per transaction until none is left. Messages are not
 * touched. Rows are taken with {@code for update skip locked}: instances share the work, and a send
 * waits for at most one batch.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ChatKeyRewrap {
  private static final Logger LOG = Logger.getLogger(ChatKeyRewrap.class.getName());
  static final int BATCH = 200;
  private static final UUID FIRST = new UUID(0, 0);

  @PersistenceContext EntityManager em;
  @Resource TimerService timers;
  @Resource SessionContext context;
  @Inject MessageCipher cipher;

  @Inject
  @ConfigProperty(name = "chat.rewrap-interval", defaultValue = "PT10M")
  Duration interval;

  @PostConstruct
  void schedule() {
    timers.createIntervalTimer(interval.toMillis(), interval.toMillis(), new TimerConfig("chat-key-rewrap", false));
  }

  @Timeout
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void rewrapAll() {
    List<String> retiring = cipher.olderMasterKeyIds();
    if (retiring.isEmpty()) {
      return;
    }
    ChatKeyRewrap self = context.getBusinessObject(ChatKeyRewrap.class);
    int total = 0;
    Batch batch = new Batch(0, 0, FIRST);
    do {
      batch = self.rewrapBatch(retiring, batch.last());
      total += batch.rewrapped();
    } while (batch.taken() == BATCH);
    if (total > 0) {
      int rewrapped = total;
      LOG.info(() -> "Rewrapped " + rewrapped + " conversation keys under master key " + cipher.activeMasterKeyId());
    }
  }

  /** What a batch did: rows taken, keys rewrapped, and the last conversation taken (the next batch starts after it). */
  public record Batch(int taken, int rewrapped, UUID last) {}

  /**
   * One batch, in its own transaction, in conversation order from {@code after}. A key that cannot
   * be unwrapped stays as it is and is logged; it does not hold up the others (nor the next runs:
   * each run passes every row once).
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Batch rewrapBatch(List<String> retiring, UUID after) {
    @SuppressWarnings("unchecked")
    List<Conversation> batch = em.createNativeQuery(
            "select * from conversation where data_key_id in (:retiring) and match_id > :after"
                + " order by match_id limit " + BATCH + " for update skip locked", Conversation.class)
        .setParameter("retiring", retiring)
        .setParameter("after", after)
        .getResultList();
    int rewrapped = 0;
    for (Conversation conversation : batch) {
      try {
        DataKey key = cipher.rewrap(new DataKey(conversation.dataKeyId(), conversation.dataKey()));
        conversation.rewrap(key.masterKeyId(), key.wrapped());
        rewrapped++;
      } catch (MessageCipher.UndecryptableException e) {
        LOG.log(Level.WARNING, "The data key of conversation " + conversation.matchId() + " cannot be unwrapped; left under "
            + conversation.dataKeyId(), e);
      }
    }
    return new Batch(batch.size(), rewrapped, batch.isEmpty() ? after : batch.get(batch.size() - 1).matchId());
  }
}
