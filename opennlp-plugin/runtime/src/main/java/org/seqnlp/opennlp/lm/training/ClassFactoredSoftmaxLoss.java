package org.seqnlp.opennlp.lm.training;

import org.seqnlp.opennlp.nn.VectorMath;

/**
 * The cross-entropy of a class-factored softmax (Goodman 2001; the full softmax is one class holding the
 * whole vocabulary) and its gradient: p(w | h) = p(class(w) | h) · p(w | class(w), h), computing only the
 * class scores and the scores of the target's class, about a hundred times cheaper than the full softmax
 * of a 10,000-word vocabulary. The same function as the run time's {@code OutputSoftmax}. Holds scratch
 * arrays: one instance per thread.
 */
final class ClassFactoredSoftmaxLoss {

  private final int hidden;
  private final int vocabularySize;
  private final int[] classStarts;
  private final int[] classOf;
  private final Parameter classWeights;
  private final Parameter classBias;
  private final Parameter wordWeights;
  private final Parameter wordBias;
  private final float[] classScores;
  private final float[] wordScores;

  /**
   * @param classStarts {@code classes + 1} increasing ids from 0 to the vocabulary size
   * @param classWeights the class scores' weights, null for the full softmax (then also classBias)
   */
  ClassFactoredSoftmaxLoss(int hidden, int[] classStarts, int[] classOf, Parameter classWeights,
      Parameter classBias, Parameter wordWeights, Parameter wordBias) {
    this.hidden = hidden;
    this.vocabularySize = classOf.length;
    this.classStarts = classStarts;
    this.classOf = classOf;
    this.classWeights = classWeights;
    this.classBias = classBias;
    this.wordWeights = wordWeights;
    this.wordBias = wordBias;
    this.classScores = new float[classStarts.length - 1];
    int largestClass = 0;
    for (int c = 0; c + 1 < classStarts.length; c++) {
      largestClass = Math.max(largestClass, classStarts[c + 1] - classStarts[c]);
    }
    this.wordScores = new float[largestClass];
  }

  /**
   * The gradient of {@code weight} times the cross-entropy of {@code target} given the hidden vector at
   * {@code hiddenValues[m * hidden]}: added to the output parameters' gradients ({@code gradients} by
   * {@link Parameter#index()}) and to {@code hiddenGradient[m * hidden ..]}.
   *
   * @return the cross-entropy of {@code target} in nats, unweighted
   */
  double addGradient(float[] hiddenValues, int m, int target, float weight, float[] hiddenGradient,
      float[][] gradients) {
    int base = m * hidden;
    int c = classOf[target];
    int first = classStarts[c];
    int count = classStarts[c + 1] - first;
    double crossEntropy = 0;
    if (classWeights != null) {
      int classes = classScores.length;
      float[] wc = classWeights.values();
      System.arraycopy(classBias.values(), 0, classScores, 0, classes);
      for (int k = 0; k < hidden; k++) {
        VectorMath.axpy(hiddenValues[base + k], wc, k * classes, classScores, 0, classes);
      }
      softmaxInPlace(classScores, classes);
      crossEntropy = -Math.log(classScores[c]);
      classScores[c] -= 1f;
      float[] gradient = gradients[classWeights.index()];
      float[] biasGradient = gradients[classBias.index()];
      for (int i = 0; i < classes; i++) {
        classScores[i] *= weight;
        biasGradient[i] += classScores[i];
      }
      for (int k = 0; k < hidden; k++) {
        hiddenGradient[base + k] += dot(classScores, 0, wc, k * classes, classes);
        VectorMath.axpy(hiddenValues[base + k], classScores, 0, gradient, k * classes, classes);
      }
    }
    float[] ww = wordWeights.values();
    System.arraycopy(wordBias.values(), first, wordScores, 0, count);
    for (int k = 0; k < hidden; k++) {
      VectorMath.axpy(hiddenValues[base + k], ww, k * vocabularySize + first, wordScores, 0, count);
    }
    softmaxInPlace(wordScores, count);
    crossEntropy -= Math.log(wordScores[target - first]);
    wordScores[target - first] -= 1f;
    float[] gradient = gradients[wordWeights.index()];
    float[] biasGradient = gradients[wordBias.index()];
    for (int i = 0; i < count; i++) {
      wordScores[i] *= weight;
      biasGradient[first + i] += wordScores[i];
    }
    for (int k = 0; k < hidden; k++) {
      hiddenGradient[base + k] += dot(wordScores, 0, ww, k * vocabularySize + first, count);
      VectorMath.axpy(hiddenValues[base + k], wordScores, 0, gradient, k * vocabularySize + first, count);
    }
    return crossEntropy;
  }

  private static float dot(float[] a, int aOffset, float[] b, int bOffset, int length) {
    float sum = 0f;
    for (int i = 0; i < length; i++) {
      sum += a[aOffset + i] * b[bOffset + i];
    }
    return sum;
  }

  /** Turns {@code values[0 .. length)} into their softmax in place. */
  private static void softmaxInPlace(float[] values, int length) {
    float max = Float.NEGATIVE_INFINITY;
    for (int i = 0; i < length; i++) {
      max = Math.max(max, values[i]);
    }
    double sum = 0;
    for (int i = 0; i < length; i++) {
      double e = Math.exp(values[i] - max);
      values[i] = (float) e;
      sum += e;
    }
    for (int i = 0; i < length; i++) {
      values[i] = (float) (values[i] / sum);
    }
  }
}
