package app.dating.discovery.control;

import app.dating.discovery.control.PairFeatures.Features;
import com.google.protobuf.InvalidProtocolBufferException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.classification.sgd.fm.FMClassificationTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * P(s likes t) for a pair's {@link PairFeatures}: a factorization machine (Rendle 2010) trained by
 * Tribuo ({@link FMClassificationTrainer}, log loss, AdaGrad), over swipes weighted by age. Its
 * pairwise factors let the swiper's and the target's id features meet: matrix factorization of who
 * likes whom, next to the content and population features. Stored as Tribuo's protobuf model format
 * (never Java serialization).
 */
public final class PreferenceModel {
  public static final String LIKE = "LIKE";
  public static final String PASS = "PASS";
  private static final LabelFactory LABELS = new LabelFactory();
  private static final Label LIKED = new Label(LIKE);
  private static final Label PASSED = new Label(PASS);

  private final Model<Label> model;

  private PreferenceModel(Model<Label> model) {
    this.model = model;
  }

  /** A swipe as a training example: its features, whether it was a like, its weight. */
  public record Labelled(Features features, boolean like, float weight) {}

  /** How the model is trained. */
  public record Settings(int factors, int epochs, double learningRate, long seed) {
    public static final Settings DEFAULT = new Settings(8, 5, 0.1, 42);
  }

  /** What a training gave: the model and its offline figures. */
  public record Trained(PreferenceModel model, double auc, int examples, long millis) {}

  /** P(like) of one pair. */
  public double like(Features features) {
    return score(model.predict(example(features, LabelFactory.UNKNOWN_LABEL, 1f)));
  }

  /** P(like) of many pairs, in order (one call into the model). */
  public double[] like(List<Features> pairs) {
    List<Example<Label>> examples = new ArrayList<>(pairs.size());
    pairs.forEach(f -> examples.add(example(f, LabelFactory.UNKNOWN_LABEL, 1f)));
    List<Prediction<Label>> predictions = model.predict(examples);
    double[] p = new double[predictions.size()];
    for (int i = 0; i < p.length; i++) {
      p[i] = score(predictions.get(i));
    }
    return p;
  }

  /** Features the model knows (content ones and the id buckets it saw). */
  public int features() {
    return model.getFeatureIDMap().size();
  }

  public byte[] bytes() {
    return model.serialize().toByteArray();
  }

  @SuppressWarnings("unchecked")
  public static PreferenceModel read(byte[] bytes) {
    try {
      Model<?> read = Model.deserialize(ModelProto.parseFrom(bytes));
      if (!read.validate(Label.class)) {
        throw new IllegalArgumentException("not a classification model");
      }
      return new PreferenceModel((Model<Label>) read);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException("not a stored model", e);
    }
  }

  /**
   * Trains on {@code examples} (oldest first). The offline AUC is that of a model trained the same
   * way on the oldest 80 % and tested on the newest 20 % (a time split: it predicts the future, as
   * in use); the model returned is then trained on everything. NaN when a side lacks likes or
   * passes.
   */
  public static Trained train(List<Labelled> examples, Settings settings) {
    long start = System.nanoTime();
    int split = (int) (examples.size() * 0.8);
    double auc = Double.NaN;
    List<Labelled> past = examples.subList(0, split);
    List<Labelled> future = examples.subList(split, examples.size());
    if (bothKinds(past) && bothKinds(future)) {
      Model<Label> earlier = fit(past, settings);
      auc = new LabelEvaluator().evaluate(earlier, dataset(future)).AUCROC(LIKED);
    }
    Model<Label> model = fit(examples, settings);
    return new Trained(
        new PreferenceModel(model), auc, examples.size(), (System.nanoTime() - start) / 1_000_000);
  }

  private static Model<Label> fit(List<Labelled> examples, Settings settings) {
    FMClassificationTrainer trainer =
        new FMClassificationTrainer(
            new LogMulticlass(),
            new AdaGrad(settings.learningRate(), 0.1),
            settings.epochs(),
            Integer.MAX_VALUE, // no progress logging
            1,
            settings.seed(),
            settings.factors(),
            0.1);
    return trainer.train(dataset(examples));
  }

  private static MutableDataset<Label> dataset(List<Labelled> examples) {
    List<Example<Label>> rows = new ArrayList<>(examples.size());
    for (Labelled l : examples) {
      rows.add(example(l.features(), l.like() ? LIKED : PASSED, l.weight()));
    }
    return new MutableDataset<>(
        new ListDataSource<>(
            rows, LABELS, new SimpleDataSourceProvenance("swipes", OffsetDateTime.now(), LABELS)));
  }

  private static boolean bothKinds(List<Labelled> examples) {
    return examples.stream().anyMatch(Labelled::like) && examples.stream().anyMatch(l -> !l.like());
  }

  private static Example<Label> example(Features f, Label label, float weight) {
    ArrayExample<Label> example = new ArrayExample<>(label, f.names(), f.values());
    example.setWeight(weight);
    return example;
  }

  private static double score(Prediction<Label> prediction) {
    Label like = prediction.getOutputScores().get(LIKE);
    return like == null ? 0.5 : like.getScore();
  }

  /** Orders examples oldest first (what {@link #train} expects). */
  static <T> Comparator<T> oldestFirst(java.util.function.ToLongFunction<T> at) {
    return Comparator.comparingLong(at);
  }
}
