package org.seqnlp.vectors;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The character n-grams of a word as fastText computes them (Bojanowski et al. 2017), hashed into a
 * fixed number of buckets: the word is put between the boundary marks {@code <} and {@code >}, and every
 * run of {@code minN} to {@code maxN} characters of it is one n-gram, except a boundary mark alone. An
 * n-gram's bucket is its 32-bit FNV-1a hash over its UTF-8 bytes modulo {@code buckets}; characters are
 * Unicode code points (a UTF-8 sequence is never split).
 *
 * <p>The n-grams and the hash (fastText's FNV-1a sign-extends each byte) are fastText's, so a word has the
 * same buckets here as in a fastText model with the same three settings. Distinct n-grams may share a
 * bucket; that is what bounds the memory, whatever the vocabulary.
 *
 * @param minN the shortest n-gram, in [1, {@value #MAX_N}]
 * @param maxN the longest n-gram, in [minN, {@value #MAX_N}]
 * @param buckets the number of buckets, in [1, {@value #MAX_BUCKETS}]
 */
public record CharacterNgrams(int minN, int maxN, int buckets) {

  /** The longest n-gram: fastText's own tops out at 6; 20 already covers whole long words. */
  public static final int MAX_N = 20;
  /** The most buckets: 16 times fastText's default of 2,000,000. */
  public static final int MAX_BUCKETS = 1 << 25;

  private static final int FNV_OFFSET_BASIS = 0x811c9dc5;
  private static final int FNV_PRIME = 16_777_619;

  public CharacterNgrams {
    if (minN < 1 || maxN < minN || maxN > MAX_N) {
      throw new IllegalArgumentException("n-gram lengths must satisfy 1 <= min <= max <= " + MAX_N + ", not "
          + minN + "," + maxN);
    }
    if (buckets < 1 || buckets > MAX_BUCKETS) {
      throw new IllegalArgumentException("buckets must be in [1, " + MAX_BUCKETS + "], not " + buckets);
    }
  }

  /**
   * The buckets of the n-grams of {@code word}, one per n-gram in order of start and length, repeated
   * when an n-gram occurs twice; empty when the word has no n-gram of these lengths.
   */
  public int[] bucketsOf(String word) {
    byte[] bytes = ("<" + word + ">").getBytes(StandardCharsets.UTF_8);
    int[] found = new int[Math.min(bytes.length, 64) * (maxN - minN + 1)];
    int count = 0;
    for (int start = 0; start < bytes.length; start++) {
      if (isContinuation(bytes[start])) {
        continue;
      }
      int end = start;
      for (int n = 1; n <= maxN && end < bytes.length; n++) {
        end++;
        while (end < bytes.length && isContinuation(bytes[end])) {
          end++;
        }
        boolean boundaryMarkAlone = n == 1 && (start == 0 || end == bytes.length);
        if (n >= minN && !boundaryMarkAlone) {
          if (count == found.length) {
            found = Arrays.copyOf(found, found.length * 2);
          }
          found[count++] = Integer.remainderUnsigned(hash(bytes, start, end), buckets);
        }
      }
    }
    return Arrays.copyOf(found, count);
  }

  /** 32-bit FNV-1a of {@code bytes[from, to)}, each byte sign-extended as fastText does. */
  static int hash(byte[] bytes, int from, int to) {
    int hash = FNV_OFFSET_BASIS;
    for (int i = from; i < to; i++) {
      hash ^= bytes[i];
      hash *= FNV_PRIME;
    }
    return hash;
  }

  private static boolean isContinuation(byte b) {
    return (b & 0xc0) == 0x80;
  }

  @Override
  public String toString() {
    return minN + "-" + maxN + " characters in " + buckets + " buckets";
  }
}
