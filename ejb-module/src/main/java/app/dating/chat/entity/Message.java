package app.dating.chat.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** One stored message; its body is ciphertext (at-rest encryption, or the clients' own for E2E). */
@Entity
@Table(name = "message")
@IdClass(Message.Key.class)
@NamedQuery(
    name = Message.BY_CLIENT_ID,
    query = "select m from Message m where m.conversationId = :conversation and m.senderId = :sender and m.clientId = :clientId")
@NamedQuery(
    name = Message.AFTER,
    query = "select m from Message m where m.conversationId = :conversation and m.seq > :after and m.seq <= :upTo order by m.seq")
@NamedQuery(
    name = Message.BEFORE,
    query = "select m from Message m where m.conversationId = :conversation and m.seq < :before order by m.seq desc")
public class Message {
  public static final String BY_CLIENT_ID = "Message.byClientId";
  public static final String AFTER = "Message.after";
  public static final String BEFORE = "Message.before";
  public static final int CLIENT_ID_MAX = 64;

  /** What a message carries. */
  public enum Kind {
    TEXT,
    PHOTO,
    E2E
  }

  /** Primary key: the conversation and the message's place in it. */
  public record Key(UUID conversationId, long seq) implements Serializable {
    public Key() {
      this(null, 0);
    }
  }

  @Id
  @Column(name = "conversation_id")
  private UUID conversationId;

  @Id private long seq;

  @Column(name = "sender_id", nullable = false)
  private UUID senderId;

  @Column(name = "client_id", nullable = false, length = CLIENT_ID_MAX)
  private String clientId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 8)
  private Kind kind;

  @Column(nullable = false)
  private byte[] body;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Message() {}

  public Message(UUID conversationId, long seq, UUID senderId, String clientId, Kind kind, byte[] body, Instant now) {
    this.conversationId = conversationId;
    this.seq = seq;
    this.senderId = senderId;
    this.clientId = clientId;
    this.kind = kind;
    this.body = body;
    this.createdAt = now;
  }

  public UUID conversationId() {
    return conversationId;
  }

  public long seq() {
    return seq;
  }

  public UUID senderId() {
    return senderId;
  }

  public String clientId() {
    return clientId;
  }

  public Kind kind() {
    return kind;
  }

  public byte[] body() {
    return body;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
