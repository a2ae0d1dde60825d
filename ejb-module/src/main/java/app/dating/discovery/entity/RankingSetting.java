package app.dating.discovery.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Which ranker the feed uses, the same for every instance (one row): by default the learned one,
 * with the newest model; an operator may choose another ranker, or pin an older model (a rollback).
 */
@Entity
@Table(name = "ranking_setting")
public class RankingSetting {
  /** The row's only id. */
  public static final short ID = 1;

  /** The rankers to choose from: the learned one, today's simple one, two baselines. */
  public enum Ranker {
    LEARNED,
    SIMPLE,
    RANDOM,
    POPULARITY;

    /**
     * Until an operator chooses: SimpleRanker, because the learned ranker does not yet beat it in
     * the matching simulator (0.69–0.96 × its mutual matches per 100 swipes; benchmarks/README.md,
     * matching-sim). {@code PUT /api/v1/admin/ranking} switches every instance to it.
     */
    public static final Ranker DEFAULT = SIMPLE;

    public String key() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Optional<Ranker> of(String key) {
      for (Ranker r : values()) {
        if (r.key().equals(key)) {
          return Optional.of(r);
        }
      }
      return Optional.empty();
    }
  }

  @Id private short id;

  @Column(nullable = false, length = 16)
  private String ranker;

  @Column(name = "model_version")
  private Integer modelVersion;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "updated_by")
  private UUID updatedBy;

  protected RankingSetting() {}

  public RankingSetting(Instant at) {
    this.id = ID;
    this.ranker = Ranker.DEFAULT.key();
    this.updatedAt = at;
  }

  public Ranker ranker() {
    return Ranker.of(ranker).orElse(Ranker.DEFAULT);
  }

  /** The pinned model version; empty: the newest. */
  public Optional<Integer> modelVersion() {
    return Optional.ofNullable(modelVersion);
  }

  public void choose(Ranker ranker, Integer modelVersion, UUID by, Instant at) {
    this.ranker = ranker.key();
    this.modelVersion = modelVersion;
    this.updatedBy = by;
    this.updatedAt = at;
  }
}
