package app.dating.chat.control;

import app.dating.identity.boundary.AccountErased;
import app.dating.media.boundary.Photos;
import app.dating.platform.boundary.ScheduledRuns;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How long a conversation outlives its match. An ended match's conversation (unmatch, block, a
 * deleted account) stays {@code chat.retention-after-end} for moderation of reports, then it is
 * crypto-shredded: its data key goes, and with it every message, the read states and the photos
 * sent in it. An open report between the two keeps it until the report is worked. A conversation
 * whose two members are both gone goes as soon as the second one is erased.
 */
@Singleton
@Startup
public class ChatRetention {
  private static final Logger LOG = Logger.getLogger(ChatRetention.class.getName());
  private static final int BATCH = 200;

  @PersistenceContext EntityManager em;
  @Inject Photos photos;
  @Inject Clock clock;

  @Inject ScheduledRuns runs;
  @Resource TimerService timers;

  @Inject
  @ConfigProperty(name = "chat.retention-after-end", defaultValue = "P30D")
  Duration retention;

  @Inject
  @ConfigProperty(name = "chat.retention-interval", defaultValue = "PT1H")
  Duration interval;

  @PostConstruct
  void schedule() {
    timers.createIntervalTimer(
        interval.toMillis(), interval.toMillis(), new TimerConfig("chat-retention", false));
  }

  /** Every {@code chat.retention-interval}, on one instance (the first to claim the period). */
  @Timeout
  void purgeDue() {
    if (!runs.claim("chat-retention", interval)) {
      return;
    }
    int purged = purgeEndedBefore(clock.instant().minus(retention));
    if (purged > 0) {
      LOG.info(
          () ->
              "Shredded " + purged + " conversations of matches ended over " + retention + " ago");
    }
  }

  /**
   * Shreds the conversations of matches that ended before {@code before} (at most a batch a call).
   */
  public int purgeEndedBefore(Instant before) {
    return purge(
        ids(
            "select c.match_id from conversation c join match m on m.id = c.match_id"
                + " where m.ended_at < ?1 and not exists (select 1 from report r where r.status = 'OPEN'"
                + " and r.reporter_id in (m.user_a, m.user_b) and r.reported_id in (m.user_a, m.user_b))"
                + " limit "
                + BATCH,
            before));
  }

  /**
   * An erased person's read states go, and the conversations of theirs whose other member is gone
   * too.
   */
  public void accountErased(@Observes AccountErased erased) {
    em.createNativeQuery("delete from read_state where account_id = ?1")
        .setParameter(1, erased.accountId())
        .executeUpdate();
    purge(
        ids(
            "select c.match_id from conversation c join match m on m.id = c.match_id"
                + " join account other on other.id = case when m.user_a = ?1 then m.user_b else m.user_a end"
                + " where (m.user_a = ?1 or m.user_b = ?1) and other.status = 'DELETED'",
            erased.accountId()));
  }

  private List<UUID> ids(String sql, Object parameter) {
    @SuppressWarnings("unchecked")
    List<UUID> ids = em.createNativeQuery(sql).setParameter(1, parameter).getResultList();
    return ids;
  }

  private int purge(List<UUID> conversations) {
    if (conversations.isEmpty()) {
      return 0;
    }
    String list = "= any(cast(string_to_array(?1, ',') as uuid[]))";
    String joined = String.join(",", conversations.stream().map(UUID::toString).toList());
    em.createNativeQuery("delete from message where conversation_id " + list)
        .setParameter(1, joined)
        .executeUpdate();
    em.createNativeQuery("delete from read_state where conversation_id " + list)
        .setParameter(1, joined)
        .executeUpdate();
    em.createNativeQuery("delete from conversation where match_id " + list)
        .setParameter(1, joined)
        .executeUpdate();
    photos.eraseOfConversations(conversations);
    return conversations.size();
  }
}
