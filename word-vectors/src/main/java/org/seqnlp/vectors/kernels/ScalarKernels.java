package org.seqnlp.vectors.kernels;

/**
 * The plain-Java kernels: what runs when the Vector API is not enabled, and the reference the SIMD
 * kernels are tested against. The loops keep the forms that C2 vectorises where it can (element-wise
 * loops over one index); a dot product, being a sum, stays scalar.
 */
final class ScalarKernels implements VectorKernels {

  @Override
  public boolean isVectorized() {
    return false;
  }

  @Override
  public String toString() {
    return "plain-Java kernels";
  }

  @Override
  public float dot(float[] a, int aOffset, float[] b, int bOffset, int length) {
    float sum = 0;
    for (int k = 0; k < length; k++) {
      sum += a[aOffset + k] * b[bOffset + k];
    }
    return sum;
  }

  @Override
  public void axpy(float alpha, float[] x, int xOffset, float[] y, int yOffset, int length) {
    for (int k = 0; k < length; k++) {
      y[yOffset + k] += alpha * x[xOffset + k];
    }
  }

  @Override
  public void dots(float[] x, int xOffset, float[] matrix, int[] rowOffsets, int count, int length,
      float[] out) {
    for (int i = 0; i < count; i++) {
      out[i] = dot(x, xOffset, matrix, rowOffsets[i], length);
    }
  }

  @Override
  public void update(float[] x, int xOffset, float[] matrix, int[] rowOffsets, float[] coefficients,
      int count, int length, float[] gradient, int gradientOffset) {
    for (int k = 0; k < length; k++) {
      float input = x[xOffset + k];
      float sum = 0;
      for (int i = 0; i < count; i++) {
        int at = rowOffsets[i] + k;
        float value = matrix[at];
        sum += coefficients[i] * value;
        matrix[at] = value + coefficients[i] * input;
      }
      gradient[gradientOffset + k] += sum;
    }
  }

  @Override
  public long codeCandidates(byte[] codes, int offset, short[] query, int dimension, float[] rowScales,
      float[] rowSlacks, int rowOffset, float queryScale, float queryNorm, float threshold, int[] sums) {
    long candidates = 0;
    for (int j = 0; j < CODE_BLOCK_ROWS; j++) {
      int sum = 0;
      for (int d = 0, at = offset + j; d < dimension; d++, at += CODE_BLOCK_ROWS) {
        sum += query[d] * codes[at];
      }
      sums[j] = sum;
      float bound = (float) sum * queryScale * rowScales[rowOffset + j] + queryNorm * rowSlacks[rowOffset + j];
      if (bound >= threshold) {
        candidates |= 1L << j;
      }
    }
    return candidates;
  }

  @Override
  public long panelCandidates(float[] queries, int firstQuery, int secondQuery, int dimension, float[] panels,
      int panelOffset, float firstThreshold, float secondThreshold, float[] scores) {
    return panelCandidates(queries, firstQuery, dimension, panels, panelOffset, firstThreshold, scores, 0)
        | panelCandidates(queries, secondQuery, dimension, panels, panelOffset, secondThreshold, scores, PANEL_ROWS);
  }

  private static long panelCandidates(float[] queries, int query, int dimension, float[] panels, int panelOffset,
      float threshold, float[] scores, int first) {
    long candidates = 0;
    for (int j = 0; j < PANEL_ROWS; j++) {
      float score = 0;
      for (int d = 0, at = panelOffset + j; d < dimension; d++, at += PANEL_ROWS) {
        score += queries[query + d] * panels[at];
      }
      scores[first + j] = score;
      if (score >= threshold) {
        candidates |= 1L << (first + j);
      }
    }
    return candidates;
  }
}
