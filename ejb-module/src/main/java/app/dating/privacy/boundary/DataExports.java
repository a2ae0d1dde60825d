package app.dating.privacy.boundary;

import app.dating.identity.boundary.Caller;
import app.dating.identity.control.AuditLog;
import app.dating.identity.entity.AuditEvent.Action;
import app.dating.jobs.boundary.Jobs;
import app.dating.jobs.entity.JobType;
import app.dating.privacy.control.DataExportJob;
import app.dating.privacy.entity.DataExport;
import app.dating.ratelimit.boundary.RateLimit;
import app.dating.ratelimit.boundary.RateLimiter;
import app.dating.shared.problem.BusinessException;
import app.dating.shared.problem.ProblemType;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * A person's exports of their data: ask for one (built in the background, announced by mail), see
 * where it is, download it once.
 */
@Stateless
public class DataExports {
  /** An export collects everything: a few a day are plenty, and bound the work anyone can cause. */
  static final RateLimit EXPORTS_PER_ACCOUNT = new RateLimit("data-export", 3, Duration.ofDays(1));

  @PersistenceContext EntityManager em;
  @Inject Jobs jobs;
  @Inject AuditLog audit;
  @Inject RateLimiter limiter;
  @Inject Clock clock;

  /**
   * Starts an export, or answers with the one still being built or waiting to be downloaded (so a
   * second tap does not start another).
   */
  public DataExportView request(UUID accountId, Caller caller) {
    Optional<DataExport> open =
        em.createNamedQuery(DataExport.OPEN_OF_ACCOUNT, DataExport.class)
            .setParameter("account", accountId)
            .getResultStream()
            .filter(
                e -> e.status() == DataExport.Status.PENDING || e.isDownloadable(clock.instant()))
            .findFirst();
    if (open.isPresent()) {
      return DataExportView.of(open.get(), clock.instant());
    }
    limiter.consume(EXPORTS_PER_ACCOUNT, accountId.toString());
    DataExport export = new DataExport(accountId, clock.instant());
    em.persist(export);
    jobs.submit(JobType.DATA_EXPORT, DataExportJob.payload(export.id()));
    audit.record(Action.DATA_EXPORT, true, accountId, null, caller, "requested " + export.id());
    return DataExportView.of(export, clock.instant());
  }

  public DataExportView get(UUID accountId, UUID exportId) {
    return DataExportView.of(owned(accountId, exportId), clock.instant());
  }

  /** The ZIP archive, once: it is gone after this. 404 for others' exports and when it is gone. */
  public byte[] download(UUID accountId, UUID exportId, Caller caller) {
    DataExport export = owned(accountId, exportId);
    if (export.status() == DataExport.Status.PENDING) {
      throw new BusinessException(
          ProblemType.CONFLICT,
          "This export is still being prepared; you get a mail when it is ready.");
    }
    if (!export.isDownloadable(clock.instant())) {
      throw BusinessException.notFound(
          "This export (it was downloaded or expired; ask for a new one)");
    }
    audit.record(Action.DATA_EXPORT, true, accountId, null, caller, "downloaded " + export.id());
    return export.download(clock.instant());
  }

  private DataExport owned(UUID accountId, UUID exportId) {
    return Optional.ofNullable(em.find(DataExport.class, exportId))
        .filter(e -> e.accountId().equals(accountId))
        .orElseThrow(() -> BusinessException.notFound("Data export"));
  }
}
