package app.dating.discovery.boundary;

import app.dating.discovery.entity.RankingModel;
import java.time.Instant;

/**
 * A trained model version: when, on how many swipes (examples) of how many people, its offline AUC
 * of P(like) on a time split (the newest 20 % of swipes, by a model trained on the older 80 %; null
 * when that split lacked likes or passes), how long training took and the stored model's size.
 */
public record ModelVersionView(
    int version,
    Instant trainedAt,
    int examples,
    int people,
    Double auc,
    long trainingMs,
    int sizeBytes) {

  static ModelVersionView of(RankingModel.Figures f) {
    return new ModelVersionView(
        f.version(),
        f.trainedAt(),
        f.examples(),
        f.people(),
        f.auc(),
        f.trainingMs(),
        f.sizeBytes());
  }
}
