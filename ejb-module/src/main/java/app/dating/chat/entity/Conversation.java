package app.dating.chat.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The conversation of a match: its data key (wrapped) and the last sequence number handed out. */
@Entity
@Table(name = "conversation")
public class Conversation {
  @Id
  @Column(name = "match_id")
  private UUID matchId;

  @Column(name = "data_key_id", nullable = false, length = 40)
  private String dataKeyId;

  @Column(name = "data_key", nullable = false)
  private byte[] dataKey;

  @Column(name = "last_seq", nullable = false)
  private long lastSeq;

  @Column(name = "last_message_at")
  private Instant lastMessageAt;

  /** The last message each member sent (by the match's user a and user b): they read the conversation up to there. */
  @Column(name = "a_sent_up_to", nullable = false)
  private long aSentUpTo;

  @Column(name = "b_sent_up_to", nullable = false)
  private long bSentUpTo;

  protected Conversation() {}

  public Conversation(UUID matchId, String dataKeyId, byte[] dataKey) {
    this.matchId = matchId;
    this.dataKeyId = dataKeyId;
    this.dataKey = dataKey;
  }

  /**
   * The next sequence number, for a message by the match's user a ({@code byUserA}) or user b: the
   * conversation's row is locked by the caller, so none is skipped or repeated.
   */
  public long next(Instant now, boolean byUserA) {
    lastSeq++;
    lastMessageAt = now;
    if (byUserA) {
      aSentUpTo = lastSeq;
    } else {
      bSentUpTo = lastSeq;
    }
    return lastSeq;
  }

  /** Up to where a member has read by writing: their last message's number. */
  public long sentUpTo(boolean userA) {
    return userA ? aSentUpTo : bSentUpTo;
  }

  /** A new wrapping of the same data key (master-key rotation). */
  public void rewrap(String keyId, byte[] wrapped) {
    this.dataKeyId = keyId;
    this.dataKey = wrapped;
  }

  public UUID matchId() {
    return matchId;
  }

  public String dataKeyId() {
    return dataKeyId;
  }

  public byte[] dataKey() {
    return dataKey;
  }

  public long lastSeq() {
    return lastSeq;
  }
}
