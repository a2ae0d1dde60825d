package app.dating.events.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedNativeQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** An event waiting in the outbox to be sent. */
@Entity
@Table(name = "outbox")
@NamedNativeQuery(
    name = OutboxEvent.NEXT_BATCH,
    query = "select * from outbox order by id limit ?1 for update skip locked",
    resultClass = OutboxEvent.class)
public class OutboxEvent {
  /** Locks the oldest events; another instance draining at the same time skips them. */
  public static final String NEXT_BATCH = "OutboxEvent.nextBatch";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 40)
  private String type;

  @Column(nullable = false)
  private String payload;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected OutboxEvent() {}

  public OutboxEvent(String type, String payload, Instant now) {
    this.type = type;
    this.payload = payload;
    this.createdAt = now;
  }

  public Long id() {
    return id;
  }

  public String type() {
    return type;
  }

  public String payload() {
    return payload;
  }
}
