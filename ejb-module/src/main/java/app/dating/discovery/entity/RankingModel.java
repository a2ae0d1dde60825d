package app.dating.discovery.entity;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A trained version of the learned ranker's model: the model (Tribuo's protobuf format) and its
 * figures. Versions stay, so an operator can go back to an earlier one.
 */
@Entity
@Table(name = "ranking_model")
@NamedQuery(name = RankingModel.NEWEST_VERSION, query = "select max(m.version) from RankingModel m")
@NamedQuery(
    name = RankingModel.FIGURES,
    query =
        "select new app.dating.discovery.entity.RankingModel$Figures(m.version, m.trainedAt,"
            + " m.examples, m.people, m.auc, m.trainingMs, m.sizeBytes)"
            + " from RankingModel m order by m.version desc")
public class RankingModel {
  public static final String NEWEST_VERSION = "RankingModel.newestVersion";

  /** The figures of every version, newest first (without the models). */
  public static final String FIGURES = "RankingModel.figures";

  /** A version's figures: what it was trained on, how well it predicts, what it cost. */
  public record Figures(
      int version,
      Instant trainedAt,
      int examples,
      int people,
      Double auc,
      long trainingMs,
      int sizeBytes) {}

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Integer version;

  @Column(name = "trained_at", nullable = false)
  private Instant trainedAt;

  @Column(nullable = false)
  private int examples;

  @Column(nullable = false)
  private int people;

  private Double auc;

  @Column(name = "training_ms", nullable = false)
  private long trainingMs;

  @Column(name = "size_bytes", nullable = false)
  private int sizeBytes;

  @Basic(fetch = FetchType.LAZY)
  @Column(nullable = false)
  private byte[] model;

  protected RankingModel() {}

  public RankingModel(
      Instant trainedAt, int examples, int people, double auc, long trainingMs, byte[] model) {
    this.trainedAt = trainedAt;
    this.examples = examples;
    this.people = people;
    this.auc = Double.isNaN(auc) ? null : auc;
    this.trainingMs = trainingMs;
    this.sizeBytes = model.length;
    this.model = model;
  }

  public int version() {
    return version;
  }

  public byte[] model() {
    return model;
  }

  public Figures figures() {
    return new Figures(version, trainedAt, examples, people, auc, trainingMs, sizeBytes);
  }
}
