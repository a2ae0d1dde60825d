package app.dating.discovery.control;

import app.dating.discovery.entity.RankingModel;
import app.dating.discovery.entity.RankingSetting;
import app.dating.discovery.entity.RankingSetting.Ranker;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This instance's copy of the ranking setting and of the model it names: every {@code
 * ranking.refresh-interval} (30 s) it reads the setting ({@code ranking_setting}) and, when the
 * model version to use changed (a retrain on any instance, a rollback), loads that version. So all
 * instances follow within the interval, without a restart; the instance that made the change
 * refreshes at once.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ModelHolder {
  private static final Logger LOG = Logger.getLogger(ModelHolder.class.getName());

  /** The ranker in use, the model version in use (none before the first model) and its model. */
  public record Active(Ranker ranker, Integer version, boolean pinned, PreferenceModel model) {
    static final Active INITIAL = new Active(Ranker.DEFAULT, null, false, null);

    public Optional<PreferenceModel> learned() {
      return Optional.ofNullable(model);
    }
  }

  @PersistenceContext EntityManager em;
  @Resource TimerService timers;

  @Inject
  @ConfigProperty(name = "ranking.refresh-interval", defaultValue = "PT30S")
  Duration interval;

  private volatile Active active;

  @PostConstruct
  void schedule() {
    timers.createIntervalTimer(
        interval.toMillis(), interval.toMillis(), new TimerConfig("ranking-refresh", false));
  }

  /** What the feed uses now (read from the database on first use). */
  public Active active() {
    Active current = active;
    return current != null ? current : refresh();
  }

  @Timeout
  void tick() {
    refresh();
  }

  /** Reads the setting and loads the model it names, if it is not the one loaded. */
  public Active refresh() {
    RankingSetting setting = em.find(RankingSetting.class, RankingSetting.ID);
    Ranker ranker = setting == null ? Ranker.DEFAULT : setting.ranker();
    Optional<Integer> pinned = setting == null ? Optional.empty() : setting.modelVersion();
    Integer version =
        pinned.orElseGet(
            () ->
                em.createNamedQuery(RankingModel.NEWEST_VERSION, Integer.class).getSingleResult());
    Active current = active == null ? Active.INITIAL : active;
    PreferenceModel model = current.model();
    if (version == null) {
      model = null;
    } else if (!version.equals(current.version()) || model == null) {
      long start = System.nanoTime();
      model = PreferenceModel.read(em.find(RankingModel.class, version).model());
      long ms = (System.nanoTime() - start) / 1_000_000;
      LOG.info(() -> "Ranking model version " + version + " loaded in " + ms + " ms");
    }
    Active next = new Active(ranker, version, pinned.isPresent(), model);
    active = next;
    return next;
  }
}
