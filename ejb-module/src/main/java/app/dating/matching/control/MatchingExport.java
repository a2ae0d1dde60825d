package app.dating.matching.control;

import app.dating.identity.boundary.PersonalDataExport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The matching part of a data export: the person's own swipes, matches, blocks and reports, and
 * their entitlements. Never what others did to them (who liked or blocked them is other people's
 * data).
 */
@ApplicationScoped
public class MatchingExport {
  @PersistenceContext EntityManager em;

  public record SwipeMade(UUID target, String kind, Instant at) {}

  public record MatchHeld(
      UUID id, UUID with, Instant since, Instant endedAt, String endedReason, boolean endedByYou) {}

  public record BlockMade(UUID account, Instant at) {}

  public record ReportMade(
      UUID id, UUID reported, String reason, String comment, String contentRef, Instant at) {}

  public record EntitlementHeld(String name, Instant until) {}

  void export(@Observes PersonalDataExport export) {
    UUID me = export.accountId();
    export.section(
        "swipes",
        rows(
            "select target_id, kind, created_at from swipe where swiper_id = ?1 order by created_at",
            me,
            r -> new SwipeMade((UUID) r[0], (String) r[1], instant(r[2]))));
    export.section(
        "matches",
        rows(
            "select id, case when user_a = ?1 then user_b else user_a end, created_at, ended_at, ended_reason,"
                + " coalesce(ended_by = ?1, false) from match where user_a = ?1 or user_b = ?1 order by created_at",
            me,
            r ->
                new MatchHeld(
                    (UUID) r[0],
                    (UUID) r[1],
                    instant(r[2]),
                    instant(r[3]),
                    (String) r[4],
                    (Boolean) r[5])));
    export.section(
        "blocks",
        rows(
            "select blocked_id, created_at from block where blocker_id = ?1 order by created_at",
            me,
            r -> new BlockMade((UUID) r[0], instant(r[1]))));
    export.section(
        "reports",
        rows(
            "select id, reported_id, reason, comment, content_ref, created_at from report where reporter_id = ?1"
                + " order by created_at",
            me,
            r ->
                new ReportMade(
                    (UUID) r[0],
                    (UUID) r[1],
                    (String) r[2],
                    (String) r[3],
                    (String) r[4],
                    instant(r[5]))));
    export.section(
        "entitlements",
        rows(
            "select name, until from entitlement where account_id = ?1 order by name",
            me,
            r -> new EntitlementHeld((String) r[0], instant(r[1]))));
  }

  private <T> List<T> rows(String sql, UUID account, Function<Object[], T> row) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em.createNativeQuery(sql).setParameter(1, account).getResultList();
    return rows.stream().map(row).toList();
  }

  private static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Instant i) {
      return i;
    }
    if (value instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    return ((java.sql.Timestamp) value).toInstant();
  }
}
