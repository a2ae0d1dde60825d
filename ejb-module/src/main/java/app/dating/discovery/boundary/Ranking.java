package app.dating.discovery.boundary;

import app.dating.discovery.control.ModelHolder;
import app.dating.discovery.control.ModelTraining;
import app.dating.discovery.entity.RankingModel;
import app.dating.discovery.entity.RankingSetting;
import app.dating.discovery.entity.RankingSetting.Ranker;
import app.dating.identity.boundary.Caller;
import app.dating.identity.control.AuditLog;
import app.dating.identity.entity.Account;
import app.dating.identity.entity.AuditEvent.Action;
import app.dating.identity.entity.Role;
import app.dating.shared.problem.BusinessException;
import app.dating.shared.problem.InvalidInputException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What operators do with the feed's ranking: see it, choose the ranker or a model version (a
 * rollback), retrain now. Admins only (their role read from the database on every call, as {@code
 * AccountAdministration}); every change is audited. The change reaches this instance at once and
 * the others within {@code ranking.refresh-interval}.
 */
@Stateless
public class Ranking {
  @PersistenceContext EntityManager em;
  @Inject ModelHolder holder;
  @Inject ModelTraining training;
  @Inject AuditLog audit;
  @Inject Clock clock;

  public RankingView state(UUID actor) {
    requireAdmin(actor);
    return view(holder.refresh());
  }

  /**
   * Chooses the ranker and the model version ({@code null}: always the newest).
   *
   * @throws InvalidInputException for an unknown ranker
   * @throws BusinessException not found for a model version that does not exist
   */
  public RankingView choose(UUID actor, String ranker, Integer modelVersion, Caller caller) {
    requireAdmin(actor);
    Ranker chosen =
        Ranker.of(ranker)
            .orElseThrow(
                () ->
                    InvalidInputException.of(
                        "ranker", "Choose learned, simple, random or popularity."));
    if (modelVersion != null && em.find(RankingModel.class, modelVersion) == null) {
      throw BusinessException.notFound("Model version");
    }
    setting().choose(chosen, modelVersion, actor, clock.instant());
    em.flush();
    audit.record(
        Action.RANKING_CHANGE,
        true,
        actor,
        null,
        caller,
        "ranker " + chosen.key() + ", model " + (modelVersion == null ? "newest" : modelVersion));
    return view(holder.refresh());
  }

  /**
   * Trains a new version now and uses it (a pinned older version gives way); its figures.
   *
   * @throws BusinessException conflict while there are too few swipes to learn from
   */
  public ModelVersionView retrain(UUID actor, Caller caller) {
    requireAdmin(actor);
    RankingModel.Figures figures = training.train();
    RankingSetting setting = setting();
    setting.choose(setting.ranker(), null, actor, clock.instant());
    em.flush();
    audit.record(Action.RANKING_RETRAIN, true, actor, null, caller, "model " + figures.version());
    holder.refresh();
    return ModelVersionView.of(figures);
  }

  private RankingSetting setting() {
    return Optional.ofNullable(em.find(RankingSetting.class, RankingSetting.ID))
        .orElseGet(
            () -> {
              RankingSetting created = new RankingSetting(clock.instant());
              em.persist(created);
              return created;
            });
  }

  private RankingView view(ModelHolder.Active active) {
    List<ModelVersionView> versions =
        em.createNamedQuery(RankingModel.FIGURES, RankingModel.Figures.class)
            .getResultStream()
            .map(ModelVersionView::of)
            .toList();
    return new RankingView(active.ranker().key(), active.version(), active.pinned(), versions);
  }

  private void requireAdmin(UUID actor) {
    boolean admin =
        Optional.ofNullable(em.find(Account.class, actor))
            .filter(a -> a.status() == Account.Status.ACTIVE)
            .map(a -> a.roles().contains(Role.ADMIN))
            .orElse(false);
    if (!admin) {
      throw BusinessException.forbidden("This needs the role ADMIN.");
    }
  }
}
