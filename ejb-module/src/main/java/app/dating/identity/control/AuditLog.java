package app.dating.identity.control;

import app.dating.identity.boundary.Caller;
import app.dating.identity.entity.AuditEvent;
import app.dating.identity.entity.AuditEvent.Action;
import app.dating.shared.logging.RequestContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.UUID;

/**
 * Records sensitive actions in the append-only {@code audit_event} table, in a transaction of its
 * own: a refused login is recorded even though the call that refused it rolls back. The email
 * ({@code subject}) is kept only where no account is known (a sign-in attempt on an unknown
 * address); otherwise the account id says who, so erasing an account leaves no address here.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class AuditLog {
  @PersistenceContext EntityManager em;
  @Inject Clock clock;

  public void record(
      Action action, boolean success, UUID actorId, String subject, Caller caller, String detail) {
    em.persist(
        new AuditEvent(
            clock.instant(),
            action,
            success,
            actorId,
            subject,
            caller.ip(),
            caller.userAgent(),
            RequestContext.current().orElse(null),
            detail));
  }

  /**
   * Records in the caller's transaction: the row exists only when what it records committed (a
   * subscription's transition, which a rolled-back webhook never made).
   */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public void recordAsPartOf(Action action, UUID actorId, Caller caller, String detail) {
    record(action, true, actorId, null, caller, detail);
  }
}
