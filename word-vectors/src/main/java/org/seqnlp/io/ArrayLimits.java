package org.seqnlp.io;

/** The size limit of Java arrays, which sizes read from files and options, and arrays that grow, are held to. */
public final class ArrayLimits {

  /**
   * The longest array every JVM allocates: some reserve header words in the array, so lengths just below {@code
   * Integer.MAX_VALUE} may fail there with "Requested array size exceeds VM limit" (the JDK's own {@code
   * ArraysSupport} keeps to this limit).
   */
  public static final int MAX_LENGTH = Integer.MAX_VALUE - 8;

  private ArrayLimits() {
  }

  /**
   * Whether {@code rows} of {@code width} values fit one array; the product is taken in long, so that no int
   * overflow makes a huge matrix look small. Both are counts, at least 0 and below 2^31, as every array size and
   * dimension is.
   */
  public static boolean fitsRows(long rows, long width) {
    return rows * width <= MAX_LENGTH;
  }
}
