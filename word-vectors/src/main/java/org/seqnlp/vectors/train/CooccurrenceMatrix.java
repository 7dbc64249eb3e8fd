package org.seqnlp.vectors.train;

import java.util.Arrays;
import org.seqnlp.vectors.corpus.EncodedCorpus;

/**
 * Word-word co-occurrence counts for GloVe: within a sentence, each pair of words at distance
 * {@code d <= window} adds {@code 1/d} to both of their cells (symmetric).
 *
 * <p>Each row is its own open-addressing hash table of primitive column ids and double values, so a
 * cell costs 12 bytes a slot, 24 to 48 with the tables' free slots, rather than the 60 or more of boxed map
 * entries, and rows can be filled in parallel: worker {@code t} of {@code n} scans the whole corpus but
 * writes only the rows {@code r} with {@code r % n == t}. The sums are doubles, as in the Stanford tool:
 * from about 2^21 a float sum no longer grows by the 1/10 of a pair 10 words apart, nor past 2^24 by 1, and
 * a corpus of billions of words reaches such counts.
 */
public final class CooccurrenceMatrix {

  private static final int INITIAL_ROW_CAPACITY = 8;

  private final int[][] columns;
  private final double[][] values;
  private final int[] sizes;

  private CooccurrenceMatrix(int rows) {
    columns = new int[rows][];
    values = new double[rows][];
    sizes = new int[rows];
  }

  /** Counts the co-occurrences of {@code corpus} with {@code threads} threads. */
  public static CooccurrenceMatrix count(EncodedCorpus corpus, int window, int threads) {
    if (window <= 0) {
      throw new IllegalArgumentException("window must be positive, got " + window);
    }
    CooccurrenceMatrix matrix = new CooccurrenceMatrix(corpus.words().size());
    int[] tokens = corpus.tokens();
    Workers.run("cooccurrence", threads, worker -> {
      int sentenceStart = 0;
      for (int i = 0; i < tokens.length; i++) {
        int word = tokens[i];
        if (word == EncodedCorpus.SENTENCE_END) {
          sentenceStart = i + 1;
          continue;
        }
        for (int distance = 1; distance <= window && i - distance >= sentenceStart; distance++) {
          int previous = tokens[i - distance];
          double weight = 1.0 / distance;
          if (word % threads == worker) {
            matrix.add(word, previous, weight);
          }
          if (previous % threads == worker) {
            matrix.add(previous, word, weight);
          }
        }
      }
    });
    return matrix;
  }

  private void add(int row, int column, double value) {
    int[] keys = columns[row];
    if (keys == null) {
      keys = columns[row] = new int[INITIAL_ROW_CAPACITY];
      values[row] = new double[INITIAL_ROW_CAPACITY];
    }
    int slot = find(keys, column);
    if (keys[slot] == 0) {
      if (2 * (sizes[row] + 1) > keys.length) {
        grow(row);
        keys = columns[row];
        slot = find(keys, column);
      }
      keys[slot] = column + 1;
      sizes[row]++;
    }
    values[row][slot] += value;
  }

  /** The slot holding {@code column} or the empty slot where it belongs; keys store column + 1, 0 = empty. */
  private static int find(int[] keys, int column) {
    int mask = keys.length - 1;
    int slot = (column * 0x9E3779B9 >>> 7) & mask;
    while (keys[slot] != 0 && keys[slot] != column + 1) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private void grow(int row) {
    int[] oldKeys = columns[row];
    double[] oldValues = values[row];
    int[] keys = new int[oldKeys.length * 2];
    double[] newValues = new double[keys.length];
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != 0) {
        int slot = find(keys, oldKeys[i] - 1);
        keys[slot] = oldKeys[i];
        newValues[slot] = oldValues[i];
      }
    }
    columns[row] = keys;
    values[row] = newValues;
  }

  public int rows() {
    return sizes.length;
  }

  /** The count in cell ({@code row}, {@code column}), 0 when the words never co-occur. */
  public double get(int row, int column) {
    int[] keys = columns[row];
    if (keys == null) {
      return 0;
    }
    int slot = find(keys, column);
    return keys[slot] == 0 ? 0 : values[row][slot];
  }

  /** The number of non-zero cells. */
  public long nonZeroCount() {
    return Arrays.stream(sizes).asLongStream().sum();
  }

  /** Receives the non-zero cells. */
  @FunctionalInterface
  interface CellConsumer {
    void accept(int row, int column, double value);
  }

  /**
   * Passes every non-zero cell to {@code consumer}, row by row, releasing each row's storage once it
   * has been passed on, so that a copy can be built without holding both in memory at once.
   */
  void drain(CellConsumer consumer) {
    for (int row = 0; row < sizes.length; row++) {
      int[] keys = columns[row];
      if (keys != null) {
        double[] rowValues = values[row];
        for (int slot = 0; slot < keys.length; slot++) {
          if (keys[slot] != 0) {
            consumer.accept(row, keys[slot] - 1, rowValues[slot]);
          }
        }
      }
      columns[row] = null;
      values[row] = null;
      sizes[row] = 0;
    }
  }
}
