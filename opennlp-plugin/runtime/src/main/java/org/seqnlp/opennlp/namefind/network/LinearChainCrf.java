package org.seqnlp.opennlp.namefind.network;

import org.seqnlp.opennlp.nn.VectorMath;

/**
 * A linear-chain CRF over per-token emission scores: start, end and transition scores, Viterbi
 * decoding, forward-backward marginals and the negative log-likelihood with its gradient. Emissions
 * are row-major {@code length x labels} arrays. Stateless apart from the scores, so thread-safe.
 */
public final class LinearChainCrf {

  private final int labels;
  private final float[] start;
  private final float[] end;
  private final float[] transitions;

  /**
   * The arrays are used as they are, not copied.
   *
   * @param transitions {@code labels x labels}: entry {@code from * labels + to}
   */
  public LinearChainCrf(int labels, float[] start, float[] end, float[] transitions) {
    VectorMath.requireLength("CRF start scores", start, labels);
    VectorMath.requireLength("CRF end scores", end, labels);
    VectorMath.requireLength("CRF transitions", transitions, (long) labels * labels);
    this.labels = labels;
    this.start = start;
    this.end = end;
    this.transitions = transitions;
  }

  public int labels() {
    return labels;
  }

  /** The highest-scoring label sequence. */
  public int[] viterbi(float[] emissions, int length) {
    int[] path = new int[length];
    if (length == 0) {
      return path;
    }
    double[] score = new double[labels];
    double[] next = new double[labels];
    int[] backPointers = new int[length * labels];
    for (int j = 0; j < labels; j++) {
      score[j] = start[j] + emissions[j];
    }
    for (int t = 1; t < length; t++) {
      for (int j = 0; j < labels; j++) {
        double best = Double.NEGATIVE_INFINITY;
        int argBest = 0;
        for (int i = 0; i < labels; i++) {
          double candidate = score[i] + transitions[i * labels + j];
          if (candidate > best) {
            best = candidate;
            argBest = i;
          }
        }
        next[j] = best + emissions[t * labels + j];
        backPointers[t * labels + j] = argBest;
      }
      double[] swap = score;
      score = next;
      next = swap;
    }
    int last = 0;
    for (int j = 1; j < labels; j++) {
      if (score[j] + end[j] > score[last] + end[last]) {
        last = j;
      }
    }
    path[length - 1] = last;
    for (int t = length - 1; t > 0; t--) {
      path[t - 1] = backPointers[t * labels + path[t]];
    }
    return path;
  }

  /**
   * Runs forward-backward, writes the marginal probability of every label at every position to
   * {@code marginals} ({@code length x labels}) and returns the log partition function.
   */
  public double marginals(float[] emissions, int length, double[] marginals) {
    double[] alpha = new double[length * labels];
    double[] beta = new double[length * labels];
    double logZ = forwardBackward(emissions, length, alpha, beta);
    for (int t = 0; t < length; t++) {
      for (int j = 0; j < labels; j++) {
        int at = t * labels + j;
        marginals[at] = Math.exp(alpha[at] + beta[at] - logZ);
      }
    }
    return logZ;
  }

  private double forwardBackward(float[] emissions, int length, double[] alpha, double[] beta) {
    double[] terms = new double[labels];
    for (int j = 0; j < labels; j++) {
      alpha[j] = start[j] + emissions[j];
    }
    for (int t = 1; t < length; t++) {
      for (int j = 0; j < labels; j++) {
        for (int i = 0; i < labels; i++) {
          terms[i] = alpha[(t - 1) * labels + i] + transitions[i * labels + j];
        }
        alpha[t * labels + j] = logSumExp(terms) + emissions[t * labels + j];
      }
    }
    int lastRow = (length - 1) * labels;
    for (int j = 0; j < labels; j++) {
      beta[lastRow + j] = end[j];
    }
    for (int t = length - 2; t >= 0; t--) {
      for (int i = 0; i < labels; i++) {
        for (int j = 0; j < labels; j++) {
          terms[j] = transitions[i * labels + j] + emissions[(t + 1) * labels + j] + beta[(t + 1) * labels + j];
        }
        beta[t * labels + i] = logSumExp(terms);
      }
    }
    for (int j = 0; j < labels; j++) {
      terms[j] = alpha[lastRow + j] + end[j];
    }
    return logSumExp(terms);
  }

  /**
   * The negative log-likelihood of {@code gold}; adds {@code scale} times its gradient with respect
   * to the emissions, start, end and transition scores to the given arrays.
   */
  public double negativeLogLikelihood(float[] emissions, int length, int[] gold, double scale,
      float[] emissionGradient, double[] startGradient, double[] endGradient, double[] transitionGradient) {
    double[] alpha = new double[length * labels];
    double[] beta = new double[length * labels];
    double logZ = forwardBackward(emissions, length, alpha, beta);
    double goldScore = start[gold[0]] + end[gold[length - 1]];
    for (int t = 0; t < length; t++) {
      goldScore += emissions[t * labels + gold[t]];
      if (t > 0) {
        goldScore += transitions[gold[t - 1] * labels + gold[t]];
      }
    }
    for (int t = 0; t < length; t++) {
      for (int j = 0; j < labels; j++) {
        int at = t * labels + j;
        double marginal = Math.exp(alpha[at] + beta[at] - logZ);
        emissionGradient[at] += (float) (scale * marginal);
        if (t == 0) {
          startGradient[j] += scale * marginal;
        }
        if (t == length - 1) {
          endGradient[j] += scale * marginal;
        }
      }
      emissionGradient[t * labels + gold[t]] -= (float) scale;
    }
    startGradient[gold[0]] -= scale;
    endGradient[gold[length - 1]] -= scale;
    for (int t = 1; t < length; t++) {
      for (int i = 0; i < labels; i++) {
        double from = alpha[(t - 1) * labels + i];
        for (int j = 0; j < labels; j++) {
          double pair = from + transitions[i * labels + j] + emissions[t * labels + j] + beta[t * labels + j];
          transitionGradient[i * labels + j] += scale * Math.exp(pair - logZ);
        }
      }
      transitionGradient[gold[t - 1] * labels + gold[t]] -= scale;
    }
    return logZ - goldScore;
  }

  private static double logSumExp(double[] values) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      max = Math.max(max, v);
    }
    if (max == Double.NEGATIVE_INFINITY) {
      return max;
    }
    double sum = 0;
    for (double v : values) {
      sum += Math.exp(v - max);
    }
    return max + Math.log(sum);
  }

  float[] start() {
    return start;
  }

  float[] end() {
    return end;
  }

  float[] transitions() {
    return transitions;
  }
}
