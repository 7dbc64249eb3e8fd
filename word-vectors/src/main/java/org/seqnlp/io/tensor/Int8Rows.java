package org.seqnlp.io.tensor;

import org.seqnlp.io.InputFormatException;

/**
 * A row-major float matrix stored with 8 bits a value: each row as signed bytes in [-127, 127] times a
 * float scale of its own, the row's largest magnitude / 127. A quarter of the size of float32; each
 * value is off by at most half its row's scale, so relative to the row's largest value by at most 0.4%.
 *
 * <p>In a {@link TensorBundle} the bytes are a {@link ByteTensor} {@code NAME} of shape
 * {@code [rows, columns]} and the scales a float {@link Tensor} {@code NAME-scales} of shape {@code [rows]}.
 *
 * @param values {@code rows * columns} quantised values, row-major
 * @param scales one non-negative scale per row, small enough that -128 times it is finite
 */
public record Int8Rows(int rows, int columns, byte[] values, float[] scales) {

  private static final int LEVELS = 127;
  /** The largest scale: a stored byte may be -128, whose product with the scale must stay finite. */
  private static final float MAX_SCALE = Float.MAX_VALUE / 128;
  private static final String SCALES_SUFFIX = "-scales";

  public Int8Rows {
    if (rows < 0 || columns < 0 || (long) rows * columns != values.length || scales.length != rows) {
      throw new IllegalArgumentException(rows + " x " + columns + " rows need " + (long) rows * columns
          + " values and " + rows + " scales, got " + values.length + " and " + scales.length);
    }
  }

  /**
   * Quantises {@code matrix}, {@code rows x columns} values, row-major.
   *
   * @throws IllegalArgumentException when a value is not finite or above {@code Float.MAX_VALUE / 2} in magnitude
   */
  public static Int8Rows quantize(float[] matrix, int rows, int columns) {
    if ((long) rows * columns != matrix.length) {
      throw new IllegalArgumentException("matrix holds " + matrix.length + " values, not " + rows + " x " + columns);
    }
    byte[] values = new byte[matrix.length];
    float[] scales = new float[rows];
    for (int row = 0; row < rows; row++) {
      int from = row * columns;
      float largest = 0;
      for (int i = from; i < from + columns; i++) {
        if (!Float.isFinite(matrix[i])) {
          throw new IllegalArgumentException("value " + (i - from + 1) + " of row " + (row + 1) + " is not finite: "
              + matrix[i]);
        }
        largest = Math.max(largest, Math.abs(matrix[i]));
      }
      // a row of values too small for largest / 127 to be a float would otherwise come back as zeros
      scales[row] = largest > 0 ? Math.max(largest / LEVELS, Float.MIN_VALUE) : 0;
      if (scales[row] > MAX_SCALE) {
        throw new IllegalArgumentException("row " + (row + 1) + " holds " + largest + ", too large to quantise");
      }
      for (int i = from; largest > 0 && i < from + columns; i++) {
        values[i] = (byte) Math.max(-LEVELS, Math.min(LEVELS, Math.round(matrix[i] / scales[row])));
      }
    }
    return new Int8Rows(rows, columns, values, scales);
  }

  /** The float matrix these rows stand for, row-major. */
  public float[] dequantize() {
    float[] matrix = new float[values.length];
    for (int row = 0; row < rows; row++) {
      float scale = scales[row];
      for (int i = row * columns; i < (row + 1) * columns; i++) {
        matrix[i] = values[i] * scale;
      }
    }
    return matrix;
  }

  /** Adds these rows to {@code bundle} as {@code name} and {@code name-scales}. */
  public void addTo(TensorBundle bundle, String name) {
    addTo(bundle, name, name + SCALES_SUFFIX);
  }

  /** Adds these rows to {@code bundle} as {@code name} and their scales as {@code scalesName}. */
  public void addTo(TensorBundle bundle, String name, String scalesName) {
    bundle.add(new ByteTensor(name, new int[] {rows, columns}, values));
    bundle.add(new Tensor(scalesName, new int[] {rows}, scales));
  }

  /**
   * The rows stored as {@code name} in {@code bundle}, which must be {@code rows x columns}.
   *
   * @throws InputFormatException naming the entry when one is missing, has another shape or holds a
   *     negative or non-finite scale
   */
  public static Int8Rows from(TensorBundle bundle, String name, int rows, int columns)
      throws InputFormatException {
    return from(bundle, name, name + SCALES_SUFFIX, rows, columns, MAX_SCALE);
  }

  /**
   * A network's weights stored as {@code name} with their scales as {@code scalesName}: as {@link #from(TensorBundle,
   * String, int, int)}, every value bounded as {@link TensorBundle#weights} bounds float weights (to within a byte:
   * a stored -128, which {@link #quantize} never writes, may stand for a little more).
   */
  public static Int8Rows weights(TensorBundle bundle, String name, String scalesName, int rows, int columns)
      throws InputFormatException {
    // as quantize scales: a row whose largest weight is the bound has the largest scale accepted
    return from(bundle, name, scalesName, rows, columns, TensorBundle.MAX_WEIGHT / LEVELS);
  }

  private static Int8Rows from(TensorBundle bundle, String name, String scalesName, int rows, int columns,
      float maxScale) throws InputFormatException {
    byte[] values = bundle.byteTensor(name, rows, columns).values();
    float[] scales = bundle.tensor(scalesName, rows).values();
    for (int row = 0; row < rows; row++) {
      if (!(scales[row] >= 0 && scales[row] <= maxScale)) {
        throw bundle.fail(scalesName, "scale " + (row + 1) + " of '" + name + "' is not a number in [0, "
            + maxScale + "]: " + scales[row]);
      }
    }
    return new Int8Rows(rows, columns, values, scales);
  }
}
