package org.seqnlp.eval.ner;

import java.util.List;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.util.Span;
import org.seqnlp.opennlp.namefind.EntityScores;

/**
 * Entity counts of one model on every sentence of a data set, counted by {@link EntityScores} (the one
 * scorer of the comparison): what a bootstrap resamples to recompute corpus F1 without tagging again.
 */
public final class SentenceCounts {

  private final int[] truePositives;
  private final int[] predicted;
  private final int[] reference;

  private SentenceCounts(int sentences) {
    truePositives = new int[sentences];
    predicted = new int[sentences];
    reference = new int[sentences];
  }

  /** Counts {@code predictions[i]} against the names of {@code samples[i]}. */
  public static SentenceCounts of(List<NameSample> samples, List<Span[]> predictions) {
    if (samples.size() != predictions.size()) {
      throw new IllegalArgumentException(samples.size() + " sentences but " + predictions.size() + " predictions");
    }
    SentenceCounts counts = new SentenceCounts(samples.size());
    for (int i = 0; i < samples.size(); i++) {
      EntityScores sentence = new EntityScores();
      sentence.add(samples.get(i).getNames(), predictions.get(i));
      counts.truePositives[i] = (int) sentence.overall().truePositives();
      counts.predicted[i] = (int) sentence.overall().predicted();
      counts.reference[i] = (int) sentence.overall().reference();
    }
    return counts;
  }

  public int sentences() {
    return truePositives.length;
  }

  /** Corpus F1 of the sentences at {@code indices}, a sentence counted as often as it occurs there. */
  public double f1(int[] indices) {
    long found = 0;
    long guessed = 0;
    long wanted = 0;
    for (int i : indices) {
      found += truePositives[i];
      guessed += predicted[i];
      wanted += reference[i];
    }
    // 2PR / (P + R) with P = found / guessed and R = found / wanted; 0 when nothing is found.
    return found == 0 ? 0 : 2.0 * found / (guessed + wanted);
  }
}
