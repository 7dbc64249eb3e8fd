package org.seqnlp.vectors.kernels;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The kernels on the JDK's Vector API ({@code jdk.incubator.vector}). Compiled apart from the rest of the
 * module, with the incubator module added, and loaded by {@link Vectorization} only when the JVM was
 * started with {@code --add-modules jdk.incubator.vector}, so nothing else needs it.
 *
 * <p>The float loops and the code scan use the JVM's preferred vector width (the code scan at most 512
 * bits), or the narrower one named by the system property {@value #BITS_PROPERTY} (as Lucene's tests pin
 * {@code tests.vectorsize}), so that one machine can run and compare both widths; the panel scan of the
 * neighbour table keeps 256 bits, whose eight accumulators fit the registers. The constructor refuses
 * widths below 256 bits, where the plain kernels are the better choice. Float loops have a scalar tail;
 * the code scan holds a code in a 16-bit lane, 16 rows a vector at 256 bits and 32 at 512, twice the
 * multiplications per instruction where AVX-512 is there (1.3x faster per term in two runs: {@code
 * eval/results/neighbours-bench.md}).
 */
final class PanamaKernels implements VectorKernels {

  /** The system property that narrows the vectors, in bits (256 or more). */
  static final String BITS_PROPERTY = "seqnlp.vectorBits";
  /** How the refusal on a machine with vectors narrower than 256 bits ends, whatever the property asks. */
  static final String NARROW_MACHINE = "the SIMD kernels need 256";
  private static final String BITS = System.getProperty(BITS_PROPERTY);
  private static final VectorShape SHAPE = shape(BITS);
  private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED.withShape(SHAPE);
  private static final VectorSpecies<Float> FLOATS_256 = FloatVector.SPECIES_256;
  /** At most 512 bits, so that a pass of two vectors of rows stays within a block of 64 rows. */
  private static final VectorShape CODE_SHAPE = SHAPE.vectorBitSize() > 512 ? VectorShape.S_512_BIT : SHAPE;
  private static final VectorSpecies<Integer> CODE_INTS = IntVector.SPECIES_PREFERRED.withShape(CODE_SHAPE);
  private static final VectorSpecies<Float> CODE_FLOATS = FloatVector.SPECIES_PREFERRED.withShape(CODE_SHAPE);
  private static final VectorSpecies<Short> CODE_SUMS = ShortVector.SPECIES_PREFERRED.withShape(CODE_SHAPE);
  /**
   * Half the width: one code per byte, widened to the 16-bit lanes of {@link #CODE_SUMS}. At least 64
   * bits, so that a refused 64-bit shape still loads the class and the constructor can say why.
   */
  private static final VectorSpecies<Byte> CODES = ByteVector.SPECIES_PREFERRED.withShape(
      VectorShape.forBitSize(Math.max(64, CODE_SHAPE.vectorBitSize() / 2)));
  /** Rows of one pass of the code scan: two vectors of sums, which fit the registers. */
  private static final int PASS_ROWS = 2 * CODE_SUMS.length();
  /** Dimensions whose code products are summed in 16 bits before widening: 16 x 63 x 31 < 2^15. */
  private static final int SHORT_SUM_DIMENSIONS = 16;

  PanamaKernels() {
    // The machine's own width first, so that a narrow machine says so whatever the property asks.
    int preferred = VectorShape.preferredShape().vectorBitSize();
    if (preferred < 256) {
      throw new UnsupportedOperationException("this machine's preferred vectors have " + preferred
          + " bits; " + NARROW_MACHINE);
    }
    if (SHAPE.vectorBitSize() < 256) {
      throw new UnsupportedOperationException(BITS_PROPERTY + "=" + BITS + " is not a width of 256 bits or more"
          + " that this machine's vectors have (" + preferred + " bits)");
    }
  }

  /**
   * The preferred shape, or the one {@code bits} names if the machine has it; any other value gives a
   * shape the constructor refuses, so that the JVM runs the plain kernels and says why.
   */
  private static VectorShape shape(String bits) {
    VectorShape preferred = VectorShape.preferredShape();
    if (bits == null) {
      return preferred;
    }
    try {
      int size = Integer.parseInt(bits.trim());
      VectorShape shape = VectorShape.forBitSize(size);
      // forBitSize answers other multiples of 128 up to 2048 (384, 1024) with the machine's largest
      // shape, and a standard size (512) with its shape whether or not the machine has it.
      return shape.vectorBitSize() == size && size <= preferred.vectorBitSize() ? shape : VectorShape.S_64_BIT;
    } catch (IllegalArgumentException e) {
      return VectorShape.S_64_BIT;
    }
  }

  @Override
  public boolean isVectorized() {
    return true;
  }

  @Override
  public String toString() {
    return "SIMD kernels (Vector API, " + FLOATS.vectorBitSize() + "-bit vectors)";
  }

  @Override
  public float dot(float[] a, int aOffset, float[] b, int bOffset, int length) {
    FloatVector sum = FloatVector.zero(FLOATS);
    int k = 0;
    for (int bound = FLOATS.loopBound(length); k < bound; k += FLOATS.length()) {
      sum = sum.add(FloatVector.fromArray(FLOATS, a, aOffset + k).mul(FloatVector.fromArray(FLOATS, b, bOffset + k)));
    }
    float result = sum.reduceLanes(VectorOperators.ADD);
    for (; k < length; k++) {
      result += a[aOffset + k] * b[bOffset + k];
    }
    return result;
  }

  @Override
  public void axpy(float alpha, float[] x, int xOffset, float[] y, int yOffset, int length) {
    FloatVector scale = FloatVector.broadcast(FLOATS, alpha);
    int k = 0;
    for (int bound = FLOATS.loopBound(length); k < bound; k += FLOATS.length()) {
      FloatVector.fromArray(FLOATS, y, yOffset + k).add(scale.mul(FloatVector.fromArray(FLOATS, x, xOffset + k)))
          .intoArray(y, yOffset + k);
    }
    for (; k < length; k++) {
      y[yOffset + k] += alpha * x[xOffset + k];
    }
  }

  /** Four rows at a time share each load of {@code x}; the rest go one at a time. */
  @Override
  public void dots(float[] x, int xOffset, float[] matrix, int[] rowOffsets, int count, int length,
      float[] out) {
    int i = 0;
    for (; i + 4 <= count; i += 4) {
      dots4(x, xOffset, matrix, rowOffsets[i], rowOffsets[i + 1], rowOffsets[i + 2], rowOffsets[i + 3], length,
          out, i);
    }
    for (; i < count; i++) {
      out[i] = dot(x, xOffset, matrix, rowOffsets[i], length);
    }
  }

  private static void dots4(float[] x, int xOffset, float[] m, int r0, int r1, int r2, int r3, int length,
      float[] out, int at) {
    FloatVector s0 = FloatVector.zero(FLOATS);
    FloatVector s1 = s0;
    FloatVector s2 = s0;
    FloatVector s3 = s0;
    int k = 0;
    for (int bound = FLOATS.loopBound(length); k < bound; k += FLOATS.length()) {
      FloatVector v = FloatVector.fromArray(FLOATS, x, xOffset + k);
      s0 = s0.add(v.mul(FloatVector.fromArray(FLOATS, m, r0 + k)));
      s1 = s1.add(v.mul(FloatVector.fromArray(FLOATS, m, r1 + k)));
      s2 = s2.add(v.mul(FloatVector.fromArray(FLOATS, m, r2 + k)));
      s3 = s3.add(v.mul(FloatVector.fromArray(FLOATS, m, r3 + k)));
    }
    float t0 = s0.reduceLanes(VectorOperators.ADD);
    float t1 = s1.reduceLanes(VectorOperators.ADD);
    float t2 = s2.reduceLanes(VectorOperators.ADD);
    float t3 = s3.reduceLanes(VectorOperators.ADD);
    for (; k < length; k++) {
      float v = x[xOffset + k];
      t0 += v * m[r0 + k];
      t1 += v * m[r1 + k];
      t2 += v * m[r2 + k];
      t3 += v * m[r3 + k];
    }
    out[at] = t0;
    out[at + 1] = t1;
    out[at + 2] = t2;
    out[at + 3] = t3;
  }

  @Override
  public void update(float[] x, int xOffset, float[] matrix, int[] rowOffsets, float[] coefficients,
      int count, int length, float[] gradient, int gradientOffset) {
    int k = 0;
    for (int bound = FLOATS.loopBound(length); k < bound; k += FLOATS.length()) {
      FloatVector input = FloatVector.fromArray(FLOATS, x, xOffset + k);
      FloatVector sum = FloatVector.zero(FLOATS);
      for (int i = 0; i < count; i++) {
        int at = rowOffsets[i] + k;
        FloatVector value = FloatVector.fromArray(FLOATS, matrix, at);
        FloatVector coefficient = FloatVector.broadcast(FLOATS, coefficients[i]);
        sum = sum.add(coefficient.mul(value));
        value.add(coefficient.mul(input)).intoArray(matrix, at);
      }
      FloatVector.fromArray(FLOATS, gradient, gradientOffset + k).add(sum).intoArray(gradient, gradientOffset + k);
    }
    for (; k < length; k++) {
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

  /**
   * Sums in 16-bit lanes, a vector's lanes of rows at a time, widening to 32 bits every {@value
   * #SHORT_SUM_DIMENSIONS} dimensions: twice the lanes of a float scan from a quarter of the bytes. The
   * block goes in passes of two vectors of rows, whose sums fit the registers (four vectors at once
   * spilled and ran several times slower here).
   */
  @Override
  public long codeCandidates(byte[] codes, int offset, short[] query, int dimension, float[] rowScales,
      float[] rowSlacks, int rowOffset, float queryScale, float queryNorm, float threshold, int[] sums) {
    long bits = 0;
    for (int first = 0; first < CODE_BLOCK_ROWS; first += PASS_ROWS) {
      bits |= codeCandidates(codes, offset, query, dimension, rowScales, rowSlacks, rowOffset, queryScale,
          queryNorm, threshold, sums, first);
    }
    return bits;
  }

  /** {@link #codeCandidates} for the {@link #PASS_ROWS} rows of the block from row {@code first}. */
  private static long codeCandidates(byte[] codes, int offset, short[] query, int dimension, float[] rowScales,
      float[] rowSlacks, int rowOffset, float queryScale, float queryNorm, float threshold, int[] sums, int first) {
    int lanes = CODE_SUMS.length();
    IntVector s0 = IntVector.zero(CODE_INTS);
    IntVector s1 = s0;
    IntVector s2 = s0;
    IntVector s3 = s0;
    int at = offset + first;
    for (int group = 0; group < dimension; group += SHORT_SUM_DIMENSIONS) {
      ShortVector a0 = ShortVector.zero(CODE_SUMS);
      ShortVector a1 = a0;
      for (int d = group, end = Math.min(dimension, group + SHORT_SUM_DIMENSIONS); d < end; d++) {
        ShortVector weight = ShortVector.broadcast(CODE_SUMS, query[d]);
        a0 = a0.add(widenedCodes(codes, at).mul(weight));
        a1 = a1.add(widenedCodes(codes, at + lanes).mul(weight));
        at += CODE_BLOCK_ROWS;
      }
      s0 = s0.add(widen(a0, 0));
      s1 = s1.add(widen(a0, 1));
      s2 = s2.add(widen(a1, 0));
      s3 = s3.add(widen(a1, 1));
    }
    int half = lanes / 2;
    s0.intoArray(sums, first);
    s1.intoArray(sums, first + half);
    s2.intoArray(sums, first + lanes);
    s3.intoArray(sums, first + lanes + half);
    int row = rowOffset + first;
    return candidates(s0, first, rowScales, rowSlacks, row, queryScale, queryNorm, threshold)
        | candidates(s1, first + half, rowScales, rowSlacks, row + half, queryScale, queryNorm, threshold)
        | candidates(s2, first + lanes, rowScales, rowSlacks, row + lanes, queryScale, queryNorm, threshold)
        | candidates(s3, first + lanes + half, rowScales, rowSlacks, row + lanes + half, queryScale, queryNorm,
            threshold);
  }

  private static ShortVector widenedCodes(byte[] codes, int at) {
    return (ShortVector) ByteVector.fromArray(CODES, codes, at).convertShape(VectorOperators.B2S, CODE_SUMS, 0);
  }

  private static IntVector widen(ShortVector sums, int part) {
    return (IntVector) sums.convertShape(VectorOperators.S2I, CODE_INTS, part);
  }

  /**
   * The bits, from {@code first}, of the rows of {@code sums} (their scales and slacks from {@code row})
   * whose bound reaches the threshold.
   */
  private static long candidates(IntVector sums, int first, float[] rowScales, float[] rowSlacks, int row,
      float queryScale, float queryNorm, float threshold) {
    FloatVector bound = ((FloatVector) sums.convert(VectorOperators.I2F, 0)).mul(queryScale)
        .mul(FloatVector.fromArray(CODE_FLOATS, rowScales, row))
        .add(FloatVector.fromArray(CODE_FLOATS, rowSlacks, row).mul(queryNorm));
    return bits(bound.compare(VectorOperators.GE, threshold), first);
  }

  /**
   * Two queries by 32 rows in eight 8-lane accumulators, each panel row loaded once for both queries; a
   * lane sums one row's products in dimension order, as the plain loop does.
   */
  @Override
  public long panelCandidates(float[] queries, int firstQuery, int secondQuery, int dimension, float[] panels,
      int panelOffset, float firstThreshold, float secondThreshold, float[] scores) {
    FloatVector a0 = FloatVector.zero(FLOATS_256);
    FloatVector a1 = a0;
    FloatVector a2 = a0;
    FloatVector a3 = a0;
    FloatVector b0 = a0;
    FloatVector b1 = a0;
    FloatVector b2 = a0;
    FloatVector b3 = a0;
    for (int d = 0, at = panelOffset; d < dimension; d++, at += PANEL_ROWS) {
      FloatVector r0 = FloatVector.fromArray(FLOATS_256, panels, at);
      FloatVector r1 = FloatVector.fromArray(FLOATS_256, panels, at + 8);
      FloatVector r2 = FloatVector.fromArray(FLOATS_256, panels, at + 16);
      FloatVector r3 = FloatVector.fromArray(FLOATS_256, panels, at + 24);
      FloatVector q = FloatVector.broadcast(FLOATS_256, queries[firstQuery + d]);
      a0 = a0.add(q.mul(r0));
      a1 = a1.add(q.mul(r1));
      a2 = a2.add(q.mul(r2));
      a3 = a3.add(q.mul(r3));
      q = FloatVector.broadcast(FLOATS_256, queries[secondQuery + d]);
      b0 = b0.add(q.mul(r0));
      b1 = b1.add(q.mul(r1));
      b2 = b2.add(q.mul(r2));
      b3 = b3.add(q.mul(r3));
    }
    return reached(a0, firstThreshold, scores, 0) | reached(a1, firstThreshold, scores, 8)
        | reached(a2, firstThreshold, scores, 16) | reached(a3, firstThreshold, scores, 24)
        | reached(b0, secondThreshold, scores, 32) | reached(b1, secondThreshold, scores, 40)
        | reached(b2, secondThreshold, scores, 48) | reached(b3, secondThreshold, scores, 56);
  }

  /** Stores {@code values} at {@code scores[first..]} and returns the bits, from {@code first}, of those reaching the threshold. */
  private static long reached(FloatVector values, float threshold, float[] scores, int first) {
    values.intoArray(scores, first);
    return bits(values.compare(VectorOperators.GE, threshold), first);
  }

  private static long bits(VectorMask<Float> mask, int first) {
    if (!mask.anyTrue()) {
      return 0;
    }
    long bits = 0;
    for (int lane = 0; lane < mask.length(); lane++) {
      if (mask.laneIsSet(lane)) {
        bits |= 1L << (first + lane);
      }
    }
    return bits;
  }
}
