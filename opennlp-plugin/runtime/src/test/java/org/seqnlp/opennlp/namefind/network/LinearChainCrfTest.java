package org.seqnlp.opennlp.namefind.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Checks the CRF against brute-force enumeration of every label sequence and finite differences. */
class LinearChainCrfTest {

  private static final int LABELS = 3;
  private static final int LENGTH = 4;

  private final Random random = new Random(11);
  private final float[] start = RandomNetworks.gaussian(random, LABELS);
  private final float[] end = RandomNetworks.gaussian(random, LABELS);
  private final float[] transitions = RandomNetworks.gaussian(random, LABELS * LABELS);
  private final float[] emissions = RandomNetworks.gaussian(random, LENGTH * LABELS);
  private final LinearChainCrf crf = new LinearChainCrf(LABELS, start, end, transitions);

  private double score(int[] labels) {
    double score = start[labels[0]] + end[labels[LENGTH - 1]];
    for (int t = 0; t < LENGTH; t++) {
      score += emissions[t * LABELS + labels[t]];
      if (t > 0) {
        score += transitions[labels[t - 1] * LABELS + labels[t]];
      }
    }
    return score;
  }

  private static int[] sequence(int code) {
    int[] labels = new int[LENGTH];
    for (int t = 0; t < LENGTH; t++) {
      labels[t] = code % LABELS;
      code /= LABELS;
    }
    return labels;
  }

  private static int sequenceCount() {
    return (int) Math.pow(LABELS, LENGTH);
  }

  private double bruteForceLogZ() {
    double z = 0;
    for (int code = 0; code < sequenceCount(); code++) {
      z += Math.exp(score(sequence(code)));
    }
    return Math.log(z);
  }

  @Test
  void viterbiFindsTheBestSequence() {
    int[] best = null;
    for (int code = 0; code < sequenceCount(); code++) {
      if (best == null || score(sequence(code)) > score(best)) {
        best = sequence(code);
      }
    }
    assertArrayEquals(best, crf.viterbi(emissions, LENGTH));
  }

  @Test
  void marginalsAndPartitionFunctionMatchEnumeration() {
    double[] marginals = new double[LENGTH * LABELS];
    double logZ = crf.marginals(emissions, LENGTH, marginals);
    assertEquals(bruteForceLogZ(), logZ, 1e-6);
    double[] expected = new double[LENGTH * LABELS];
    for (int code = 0; code < sequenceCount(); code++) {
      int[] labels = sequence(code);
      double p = Math.exp(score(labels) - logZ);
      for (int t = 0; t < LENGTH; t++) {
        expected[t * LABELS + labels[t]] += p;
      }
    }
    assertArrayEquals(expected, marginals, 1e-6);
  }

  @Test
  void negativeLogLikelihoodAndItsGradientAreRight() {
    int[] gold = {0, 2, 1, 1};
    float[] emissionGradient = new float[LENGTH * LABELS];
    double[] startGradient = new double[LABELS];
    double[] endGradient = new double[LABELS];
    double[] transitionGradient = new double[LABELS * LABELS];
    double nll = crf.negativeLogLikelihood(emissions, LENGTH, gold, 1.0, emissionGradient, startGradient,
        endGradient, transitionGradient);
    assertEquals(bruteForceLogZ() - score(gold), nll, 1e-6);
    checkGradient(emissions, emissionGradient, gold);
    checkGradient(transitions, toFloat(transitionGradient), gold);
    checkGradient(start, toFloat(startGradient), gold);
    checkGradient(end, toFloat(endGradient), gold);
  }

  private void checkGradient(float[] parameters, float[] analytic, int[] gold) {
    double h = 1e-2;
    for (int i = 0; i < parameters.length; i++) {
      float saved = parameters[i];
      parameters[i] = (float) (saved + h);
      double plus = bruteForceLogZ() - score(gold);
      parameters[i] = (float) (saved - h);
      double minus = bruteForceLogZ() - score(gold);
      parameters[i] = saved;
      assertEquals((plus - minus) / (2 * h), analytic[i], 1e-3, "parameter " + i);
    }
  }

  private static float[] toFloat(double[] values) {
    float[] result = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      result[i] = (float) values[i];
    }
    return result;
  }
}
