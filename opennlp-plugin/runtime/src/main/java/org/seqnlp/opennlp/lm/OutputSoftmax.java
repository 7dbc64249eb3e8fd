package org.seqnlp.opennlp.lm;

import org.seqnlp.opennlp.nn.AffineLayer;

/**
 * The distribution of a language model's next token given the top layer's output h, factored by word
 * classes (Goodman 2001, Mikolov's RNNLM): p(w | h) = p(class(w) | h) · p(w | class(w), h), each factor
 * a softmax, the first over class scores h·Wc + bc, the second over the word scores h·W + b of the
 * class's words only. Ids are in frequency order, so a class is a contiguous id range and its word
 * scores a contiguous slice of every weight row.
 *
 * <p>The full softmax is the case of one class holding the whole vocabulary, with probability 1: one
 * code path serves both, and the full softmax's arithmetic is unchanged by it.
 *
 * <p>Immutable; every method allocates its own scratch arrays, so one instance serves any number of
 * threads at once.
 */
final class OutputSoftmax {

  private final AffineLayer words;
  /** The class scores, or null for the full softmax. */
  private final AffineLayer classes;
  /** Class c holds the ids {@code starts[c] .. starts[c + 1]}. */
  private final int[] starts;
  private final int[] classOf;

  private OutputSoftmax(AffineLayer words, AffineLayer classes, int[] starts) {
    this.words = words;
    this.classes = classes;
    this.starts = starts;
    this.classOf = new int[words.outputSize()];
    for (int c = 0; c + 1 < starts.length; c++) {
      for (int id = starts[c]; id < starts[c + 1]; id++) {
        classOf[id] = c;
      }
    }
  }

  /** The plain softmax over the outputs of {@code words}. */
  static OutputSoftmax full(AffineLayer words) {
    return new OutputSoftmax(words, null, new int[] {0, words.outputSize()});
  }

  /**
   * @param words the word scores, {@code [hidden, vocabulary]}
   * @param classes the class scores, {@code [hidden, classes]}
   * @param starts {@code classes + 1} ids as {@link #classStarts} checks them
   */
  static OutputSoftmax classFactored(AffineLayer words, AffineLayer classes, int[] starts) {
    if (starts.length != classes.outputSize() + 1) {
      throw new IllegalArgumentException(classes.outputSize() + " classes need " + (classes.outputSize() + 1)
          + " class starts, got " + starts.length);
    }
    return new OutputSoftmax(words, classes, starts);
  }

  /**
   * The class boundaries stored as floats in tensor {@value RnnLanguageModel#CLASS_STARTS}, checked: whole
   * numbers, starting at 0, strictly increasing (no class is empty), ending at {@code vocabularySize}.
   */
  static int[] classStarts(float[] values, int vocabularySize) {
    String name = "tensor " + RnnLanguageModel.CLASS_STARTS;
    if (values.length < 2) {
      throw new IllegalArgumentException(name + " holds " + values.length + " values, at least 2 needed");
    }
    int[] starts = new int[values.length];
    for (int c = 0; c < values.length; c++) {
      float value = values[c];
      if (value != Math.rint(value) || value < 0 || value > vocabularySize) {
        throw new IllegalArgumentException(name + ": entry " + c + " is " + value + ", not an id from 0 to "
            + vocabularySize);
      }
      starts[c] = (int) value;
      if (c > 0 && starts[c] <= starts[c - 1]) {
        throw new IllegalArgumentException(name + " must increase strictly (no empty class): entry " + c
            + " is " + starts[c] + " after " + starts[c - 1]);
      }
    }
    if (starts[0] != 0) {
      throw new IllegalArgumentException(name + " must start at 0, not " + starts[0]);
    }
    if (starts[starts.length - 1] != vocabularySize) {
      throw new IllegalArgumentException(name + " must end at the vocabulary size " + vocabularySize + ", not "
          + starts[starts.length - 1]);
    }
    return starts;
  }

  /** Writes log p(id | hidden) for every id of the vocabulary into {@code out}. */
  void logProbabilities(float[] hidden, double[] out) {
    float[] scores = new float[words.outputSize()];
    words.apply(hidden, scores);
    double[] classLogProbabilities = classLogProbabilities(new float[][] {hidden}, 1)[0];
    for (int c = 0; c + 1 < starts.length; c++) {
      double offset = classLogProbabilities[c] - logSumExp(scores, starts[c], starts[c + 1]);
      for (int id = starts[c]; id < starts[c + 1]; id++) {
        out[id] = offset + scores[id];
      }
    }
  }

  /**
   * Writes log p(targets[k] | hidden[k]) into {@code out[k]} for each {@code k < count}, computing only
   * what the targets need: the class scores and the scores of the words of each target's class. Vectors
   * whose targets share a class are scored together, so each weight row is read once for all of them
   * (with the full softmax, all of them): the word scores dominate the cost and are memory-bound for
   * one vector. Each value is bit-identical to {@link #logProbabilities(float[], double[])}'s.
   */
  void logProbabilities(float[][] hidden, int[] targets, int count, double[] out) {
    double[][] classLogProbabilities = classLogProbabilities(hidden, count);
    boolean[] done = new boolean[count];
    float[][] group = new float[count][];
    int[] member = new int[count];
    for (int k = 0; k < count; k++) {
      if (done[k]) {
        continue;
      }
      int c = classOf[targets[k]];
      int size = 0;
      for (int j = k; j < count; j++) {
        if (!done[j] && classOf[targets[j]] == c) {
          done[j] = true;
          member[size] = j;
          group[size++] = hidden[j];
        }
      }
      int from = starts[c];
      int width = starts[c + 1] - from;
      float[][] scores = new float[size][width];
      words.apply(group, scores, size, from, from + width);
      for (int m = 0; m < size; m++) {
        int j = member[m];
        double offset = classLogProbabilities[j][c] - logSumExp(scores[m], 0, width);
        out[j] = offset + scores[m][targets[j] - from];
      }
    }
  }

  /** log p(class | hidden[k]) for every class and each {@code k < count}; {0} for the full softmax. */
  private double[][] classLogProbabilities(float[][] hidden, int count) {
    double[][] logProbabilities = new double[count][starts.length - 1];
    if (classes == null) {
      return logProbabilities;
    }
    float[][] scores = new float[count][classes.outputSize()];
    classes.apply(hidden, scores, count);
    for (int k = 0; k < count; k++) {
      double normalizer = logSumExp(scores[k], 0, scores[k].length);
      for (int c = 0; c < scores[k].length; c++) {
        logProbabilities[k][c] = scores[k][c] - normalizer;
      }
    }
    return logProbabilities;
  }

  /** log Σ exp(values[from .. to)), shifted by the maximum so that no term overflows. */
  private static double logSumExp(float[] values, int from, int to) {
    float max = Float.NEGATIVE_INFINITY;
    for (int i = from; i < to; i++) {
      max = Math.max(max, values[i]);
    }
    double sum = 0;
    for (int i = from; i < to; i++) {
      sum += Math.exp(values[i] - max);
    }
    return max + Math.log(sum);
  }
}
