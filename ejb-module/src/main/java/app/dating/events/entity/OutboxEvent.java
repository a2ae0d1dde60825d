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
@NamedNativeQuery(
    name = OutboxEvent.INSERT_ALL,
    query = "insert into outbox (type, payload, created_at)"
        + " select r.type, r.payload, ?2 from json_to_recordset(cast(?1 as json)) as r(type varchar, payload text)")
public class OutboxEvent {
  /** Locks the oldest events; another instance draining at the same time skips them. */
  public static final String NEXT_BATCH = "OutboxEvent.nextBatch";
  /** Stores events (?1: [{type, payload}]) made at ?2, in that order. */
  public static final String INSERT_ALL = "OutboxEvent.insertAll";

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
