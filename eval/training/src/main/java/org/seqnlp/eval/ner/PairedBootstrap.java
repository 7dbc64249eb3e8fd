package org.seqnlp.eval.ner;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * Paired bootstrap of an F1 difference (Koehn 2004; Berg-Kirkpatrick et al. 2012): draw the test
 * sentences with replacement, recompute both models' corpus F1 on the same draw, and read the interval
 * off the distribution of the differences. Pairing on the same draw removes the variation both models
 * share (hard sentences are hard for both), so the interval is far narrower than comparing two
 * separate intervals.
 */
public final class PairedBootstrap {

  /** Coverage of the reported interval. */
  public static final double CONFIDENCE = 0.95;

  private PairedBootstrap() {
  }

  /** System F1 minus baseline F1 over {@code resamples} draws; the same seed gives the same interval. */
  public static F1Difference f1Difference(SentenceCounts baseline, SentenceCounts system, int resamples, long seed) {
    if (baseline.sentences() != system.sentences() || baseline.sentences() == 0) {
      throw new IllegalArgumentException("need the same non-empty sentences for both models, got "
          + baseline.sentences() + " and " + system.sentences());
    }
    if (resamples < 1) {
      throw new IllegalArgumentException("resamples must be at least 1, got " + resamples);
    }
    int n = baseline.sentences();
    int[] all = new int[n];
    Arrays.setAll(all, i -> i);
    double observed = system.f1(all) - baseline.f1(all);
    SplittableRandom random = new SplittableRandom(seed);
    double[] differences = new double[resamples];
    int atMostZero = 0;
    int[] drawn = new int[n];
    for (int r = 0; r < resamples; r++) {
      for (int i = 0; i < n; i++) {
        drawn[i] = random.nextInt(n);
      }
      differences[r] = system.f1(drawn) - baseline.f1(drawn);
      if (differences[r] <= 0) {
        atMostZero++;
      }
    }
    double tail = 100 * (1 - CONFIDENCE) / 2;
    Percentile percentile = new Percentile();
    percentile.setData(differences);
    return new F1Difference(observed, percentile.evaluate(tail), percentile.evaluate(100 - tail),
        (double) atMostZero / resamples, resamples);
  }
}
