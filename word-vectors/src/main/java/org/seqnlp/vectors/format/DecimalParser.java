package org.seqnlp.vectors.format;

import java.nio.charset.StandardCharsets;

/**
 * Parses decimal numbers straight from UTF-8 bytes, without making a String per value: text vector
 * files hold tens of millions of numbers, and {@code Float.parseFloat(new String(...))} dominates their
 * load time.
 *
 * <p>The fast path is exact: a mantissa below 2^53 and a power of ten up to 10^22 make one
 * correctly rounded double operation, and the double is narrowed to float unless it lies exactly
 * halfway between two floats (where double rounding could differ from a direct decimal-to-float
 * conversion). Every other spelling goes to {@link Float#parseFloat}, so results always equal it, except
 * that the Java spellings no vector file holds (a type suffix, control characters) are refused.
 */
final class DecimalParser {

  private static final double[] POWERS_OF_TEN = new double[23];
  /** Largest mantissa that can take one more digit and stay below 2^53, exact in a double. */
  private static final long MAX_MANTISSA_BEFORE_DIGIT = ((1L << 53) - 10) / 10;
  private static final long FLOAT_HALFWAY_MASK = (1L << 29) - 1;
  private static final long FLOAT_HALFWAY_BITS = 1L << 28;

  static {
    double power = 1;
    for (int i = 0; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = power;
      power *= 10;
    }
  }

  private DecimalParser() {}

  /**
   * The float value of {@code bytes[from, to)}.
   *
   * @throws NumberFormatException when the bytes are not a number
   */
  static float parseFloat(byte[] bytes, int from, int to) {
    float fast = parseSimpleDecimal(bytes, from, to);
    if (!Float.isNaN(fast)) {
      return fast;
    }
    // Java's own syntax also takes a type suffix (1.5f, 2d) and trims control characters: no number a vector
    // file holds looks like that, so such bytes mean a damaged file.
    for (int i = from; i < to; i++) {
      if ((bytes[i] & 0xff) <= ' ') {
        throw new NumberFormatException("a control character inside a number");
      }
    }
    if (to > from && "fFdD".indexOf(bytes[to - 1]) >= 0) {
      throw new NumberFormatException("a Java type suffix after a number");
    }
    return Float.parseFloat(new String(bytes, from, to - from, StandardCharsets.UTF_8));
  }

  /** Parses {@code [-+]digits[.digits][(e|E)[-+]digits]} exactly, or returns NaN to ask for the slow path. */
  private static float parseSimpleDecimal(byte[] bytes, int from, int to) {
    int i = from;
    boolean negative = false;
    if (i < to && (bytes[i] == '-' || bytes[i] == '+')) {
      negative = bytes[i] == '-';
      i++;
    }
    long mantissa = 0;
    int digits = 0;
    int exponent = 0;
    for (; i < to && isDigit(bytes[i]); i++, digits++) {
      if (mantissa > MAX_MANTISSA_BEFORE_DIGIT) {
        return Float.NaN;
      }
      mantissa = mantissa * 10 + (bytes[i] - '0');
    }
    if (i < to && bytes[i] == '.') {
      for (i++; i < to && isDigit(bytes[i]); i++, digits++, exponent--) {
        if (mantissa > MAX_MANTISSA_BEFORE_DIGIT) {
          return Float.NaN;
        }
        mantissa = mantissa * 10 + (bytes[i] - '0');
      }
    }
    if (digits == 0) {
      return Float.NaN;
    }
    if (i < to && (bytes[i] == 'e' || bytes[i] == 'E')) {
      i++;
      boolean negativeExponent = false;
      if (i < to && (bytes[i] == '-' || bytes[i] == '+')) {
        negativeExponent = bytes[i] == '-';
        i++;
      }
      int exponentDigits = 0;
      int explicitExponent = 0;
      for (; i < to && isDigit(bytes[i]) && exponentDigits < 4; i++, exponentDigits++) {
        explicitExponent = explicitExponent * 10 + (bytes[i] - '0');
      }
      if (exponentDigits == 0) {
        return Float.NaN;
      }
      exponent += negativeExponent ? -explicitExponent : explicitExponent;
    }
    if (i != to) {
      return Float.NaN;
    }
    if (mantissa == 0) {
      return negative ? -0f : 0f;
    }
    if (exponent < -22 || exponent > 22) {
      return Float.NaN;
    }
    double value = exponent >= 0 ? mantissa * POWERS_OF_TEN[exponent] : mantissa / POWERS_OF_TEN[-exponent];
    if (value < Float.MIN_NORMAL || value > Float.MAX_VALUE
        || (Double.doubleToRawLongBits(value) & FLOAT_HALFWAY_MASK) == FLOAT_HALFWAY_BITS) {
      return Float.NaN;
    }
    return (float) (negative ? -value : value);
  }

  private static boolean isDigit(byte b) {
    return b >= '0' && b <= '9';
  }
}
