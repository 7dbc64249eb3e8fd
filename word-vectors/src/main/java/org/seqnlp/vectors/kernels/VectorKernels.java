package org.seqnlp.vectors.kernels;

/**
 * The arithmetic inner loops of word-vector training and neighbour search, behind one small interface so
 * that a SIMD implementation on the JDK's Vector API and a plain-Java one are interchangeable;
 * {@link Vectorization#kernels()} picks one once per JVM. Internal to SeqNLP: the signatures may change.
 *
 * <p>Element-wise kernels ({@link #axpy}, {@link #update}), {@link #codeCandidates} and {@link
 * #panelCandidates} give bit-identical
 * results in every implementation: each element sees the same float operations in the same order, a
 * multiplication then an addition, never a fused multiply-add. Reductions ({@link #dot}, {@link #dots})
 * may differ in the last bits, because a SIMD sum adds in another order.
 *
 * <p>Offsets and lengths are not checked beyond what array access checks: callers pass valid ranges.
 */
public interface VectorKernels {

  /** Rows of one block of {@link #codeCandidates} codes. */
  int CODE_BLOCK_ROWS = 64;
  /** The largest magnitude of a row code. */
  int MAX_ROW_CODE = 63;
  /** The largest magnitude of a query code: 16 products of two codes still fit a 16-bit sum. */
  int MAX_QUERY_CODE = 31;
  /** Rows of one panel of {@link #panelCandidates}. */
  int PANEL_ROWS = 32;

  /** Whether the implementation uses SIMD instructions, which makes the code scan pay off. */
  boolean isVectorized();

  /** {@code a[aOffset..+length) · b[bOffset..+length)}. */
  float dot(float[] a, int aOffset, float[] b, int bOffset, int length);

  /** {@code y[yOffset..+length) += alpha * x[xOffset..+length)}. */
  void axpy(float alpha, float[] x, int xOffset, float[] y, int yOffset, int length);

  /**
   * {@code out[i] = x[xOffset..+length) · matrix[rowOffsets[i]..+length)} for {@code i < count}: the dot
   * products of one vector with several rows, reading the vector once.
   */
  void dots(float[] x, int xOffset, float[] matrix, int[] rowOffsets, int count, int length, float[] out);

  /**
   * For {@code i < count} in turn, with {@code row_i = matrix[rowOffsets[i]..+length)} and
   * {@code c_i = coefficients[i]}: {@code gradient[gradientOffset..+length) += sum of c_i * row_i} (each
   * row as it is before its own update) and {@code row_i += c_i * x[xOffset..+length)}, in one pass.
   * This is the output-side step of negative sampling with the gradient of the input kept apart.
   *
   * <p>{@code gradient} may be {@code x} itself (the skip-gram input row takes its own gradient at once);
   * the rows must not overlap {@code x}. A row listed twice is updated twice, the second time from the
   * first update.
   */
  void update(float[] x, int xOffset, float[] matrix, int[] rowOffsets, float[] coefficients, int count,
      int length, float[] gradient, int gradientOffset);

  /**
   * Bounds the scores of one block of {@value #CODE_BLOCK_ROWS} rows from their codes, writes the code
   * sums to {@code sums[0..CODE_BLOCK_ROWS)} and returns the rows whose bound reaches {@code threshold},
   * as bits (bit j for row j of the block).
   *
   * <p>Row j of the block has codes {@code codes[offset + d * CODE_BLOCK_ROWS + j]} for {@code d <
   * dimension}, each at most {@value #MAX_ROW_CODE} in magnitude, and {@code query} codes at most
   * {@value #MAX_QUERY_CODE}; the exact integer {@code sums[j] = sum of query[d] * code(d, j)} gives the
   * bound {@code sums[j] * queryScale * rowScales[rowOffset + j] + queryNorm * rowSlacks[rowOffset + j]},
   * computed in float in that order.
   */
  long codeCandidates(byte[] codes, int offset, short[] query, int dimension, float[] rowScales,
      float[] rowSlacks, int rowOffset, float queryScale, float queryNorm, float threshold, int[] sums);

  /**
   * Scores two queries against one panel of {@value #PANEL_ROWS} rows, writes the scores to {@code
   * scores} (the first query's, then the second's) and returns which reach their query's threshold, as
   * bits (bit j for the first query and row j, bit {@code 32 + j} for the second).
   *
   * <p>Query i has components {@code queries[queryOffset_i + d]} and row j of the panel {@code
   * panels[panelOffset + d * PANEL_ROWS + j]}, for {@code d < dimension}; a score is the sum of their
   * products in dimension order, each product and each sum rounded to float, so that it equals the
   * plain loop bit for bit.
   */
  long panelCandidates(float[] queries, int firstQuery, int secondQuery, int dimension, float[] panels,
      int panelOffset, float firstThreshold, float secondThreshold, float[] scores);
}
