package org.seqnlp.io;

/** The size limit of Java arrays, which every declared size read from a file or option is checked against. */
public final class ArrayLimits {

  /**
   * The longest array every JVM allocates: some reserve header words in the array, so lengths up to {@code
   * Integer.MAX_VALUE} fail with "Requested array size exceeds VM limit" on them (as {@code ArraysSupport} in the
   * JDK assumes).
   */
  public static final int MAX_LENGTH = Integer.MAX_VALUE - 8;

  private ArrayLimits() {
  }
}
