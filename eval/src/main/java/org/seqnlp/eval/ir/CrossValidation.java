package org.seqnlp.eval.ir;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Chooses expansion settings from a grid without looking at the collection they are scored on:
 * leave-one-collection-out, each collection scored at the settings chosen on the others.
 *
 * <p>The criterion, fixed before any run: the highest mean relative change of MAP against BM25 over
 * the training collections and the given vector sets together (all of them for the factory's defaults,
 * which must serve every vector set), among the settings that lose at most {@value #MAX_LOSS_PERCENT}%
 * MAP on every training collection and vector set; if none does, among all. Ties go to the earlier
 * setting of the grid.
 */
public final class CrossValidation {

  static final double MAX_LOSS_PERCENT = 1;
  private static final double MAX_LOSS = -MAX_LOSS_PERCENT / 100;

  /** A chosen setting and how it did on the collections it was chosen on. */
  public record Choice(QuerySettings settings, double meanGain, double worstGain) {

    public boolean withinLossLimit() {
      return worstGain >= MAX_LOSS;
    }
  }

  /** The held-out collection and the choice made on the others. */
  public record Fold(String heldOut, Choice choice) {}

  private final GridScores scores;
  private final List<String> vectorSets;

  /** Chooses for every vector set of {@code scores} together. */
  public CrossValidation(GridScores scores) {
    this(scores, scores.vectors());
  }

  /** Chooses for {@code vectorSets} (labels of {@code scores}) only. */
  public CrossValidation(GridScores scores, List<String> vectorSets) {
    if (vectorSets.isEmpty() || !scores.vectors().containsAll(vectorSets)) {
      throw new IllegalArgumentException("vector sets " + vectorSets + " not among " + scores.vectors());
    }
    this.scores = scores;
    this.vectorSets = List.copyOf(vectorSets);
  }

  /** The vector sets the criterion pools. */
  public List<String> vectorSets() {
    return vectorSets;
  }

  /** One fold per collection; needs at least two collections. */
  public List<Fold> leaveOneCollectionOut() {
    List<String> collections = scores.collections();
    if (collections.size() < 2) {
      throw new IllegalStateException("leaving one collection out needs at least two, got " + collections);
    }
    List<Fold> folds = new ArrayList<>();
    for (String heldOut : collections) {
      List<String> training = new ArrayList<>(collections);
      training.remove(heldOut);
      folds.add(new Fold(heldOut, choose(training)));
    }
    return folds;
  }

  /** The setting the criterion picks on {@code training}. */
  public Choice choose(Collection<String> training) {
    Choice best = null;
    for (QuerySettings settings : scores.grid()) {
      Choice candidate = evaluate(settings, training);
      if (best == null || better(candidate, best)) {
        best = candidate;
      }
    }
    return best;
  }

  /** Mean and worst relative MAP change of {@code settings} over {@code collections} and the vector sets. */
  public Choice evaluate(QuerySettings settings, Collection<String> collections) {
    double sum = 0;
    double worst = Double.POSITIVE_INFINITY;
    int count = 0;
    for (String collection : collections) {
      for (String vectors : vectorSets) {
        double gain = scores.gain(collection, vectors, settings);
        sum += gain;
        worst = Math.min(worst, gain);
        count++;
      }
    }
    return new Choice(settings, sum / count, worst);
  }

  private static boolean better(Choice candidate, Choice best) {
    if (candidate.withinLossLimit() != best.withinLossLimit()) {
      return candidate.withinLossLimit();
    }
    return candidate.meanGain() > best.meanGain();
  }
}
