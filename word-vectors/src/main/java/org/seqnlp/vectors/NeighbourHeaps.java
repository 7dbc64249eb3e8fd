package org.seqnlp.vectors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Bounded heaps keeping the best {@code k} (row, similarity) pairs offered to each, by similarity and
 * then by lower row, side by side in flat primitive arrays: a search allocates O(k) however large the
 * vocabulary, and a batch of searches costs no object per query.
 *
 * <p>Each heap is a min-heap whose root is its worst kept pair; its {@link #threshold} is kept apart so
 * that the scan's test for a candidate is one array read. Not thread-safe.
 */
final class NeighbourHeaps {

  private final int k;
  private final int[] rows;
  private final float[] similarities;
  private final int[] sizes;
  private final float[] thresholds;

  NeighbourHeaps(int heaps, int k) {
    this.k = k;
    this.rows = new int[Math.multiplyExact(heaps, k)];
    this.similarities = new float[rows.length];
    this.sizes = new int[heaps];
    this.thresholds = new float[heaps];
    Arrays.fill(thresholds, Float.NEGATIVE_INFINITY);
  }

  /** How many pairs each heap keeps. */
  int k() {
    return k;
  }

  /** The similarity a pair must reach to enter {@code heap}: -infinity while it holds fewer than k. */
  float threshold(int heap) {
    return thresholds[heap];
  }

  /** Offers a pair; a similarity a hair past 1, as rounding gives parallel vectors, is kept as 1. */
  void offer(int heap, int row, float similarity) {
    similarity = Math.min(similarity, 1f);
    int base = heap * k;
    int size = sizes[heap];
    if (size < k) {
      rows[base + size] = row;
      similarities[base + size] = similarity;
      siftUp(base, size);
      sizes[heap] = ++size;
    } else if (k > 0 && isBetter(row, similarity, base)) {
      rows[base] = row;
      similarities[base] = similarity;
      siftDown(base, 0, size);
    } else {
      return;
    }
    if (size == k) {
      thresholds[heap] = similarities[base];
    }
  }

  /**
   * Empties {@code heap} into {@code rowsOut}/{@code similaritiesOut} from {@code offset}, best first;
   * returns how many pairs it held.
   */
  int drainBestFirst(int heap, int[] rowsOut, float[] similaritiesOut, int offset) {
    int base = heap * k;
    int count = sizes[heap];
    for (int size = count; size > 0; size--) {
      rowsOut[offset + size - 1] = rows[base];
      similaritiesOut[offset + size - 1] = similarities[base];
      rows[base] = rows[base + size - 1];
      similarities[base] = similarities[base + size - 1];
      siftDown(base, 0, size - 1);
    }
    sizes[heap] = 0;
    thresholds[heap] = Float.NEGATIVE_INFINITY;
    return count;
  }

  /** Empties {@code heap} into neighbours of {@code vectors}, best first. */
  List<Neighbour> drainBestFirst(int heap, WordVectors vectors) {
    int[] bestRows = new int[sizes[heap]];
    float[] bestSimilarities = new float[bestRows.length];
    int count = drainBestFirst(heap, bestRows, bestSimilarities, 0);
    List<Neighbour> neighbours = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      neighbours.add(new Neighbour(bestRows[i], vectors.word(bestRows[i]), bestSimilarities[i]));
    }
    return neighbours;
  }

  /** Whether {@code row} with {@code similarity} ranks above the pair in array slot {@code slot}. */
  private boolean isBetter(int row, float similarity, int slot) {
    return similarity > similarities[slot] || (similarity == similarities[slot] && row < rows[slot]);
  }

  private void siftUp(int base, int index) {
    while (index > 0) {
      int parent = (index - 1) >>> 1;
      if (!isBetter(rows[base + parent], similarities[base + parent], base + index)) {
        return;
      }
      swap(base + index, base + parent);
      index = parent;
    }
  }

  private void siftDown(int base, int index, int size) {
    while (true) {
      int worst = index;
      for (int child = 2 * index + 1; child <= 2 * index + 2 && child < size; child++) {
        if (isBetter(rows[base + worst], similarities[base + worst], base + child)) {
          worst = child;
        }
      }
      if (worst == index) {
        return;
      }
      swap(base + index, base + worst);
      index = worst;
    }
  }

  private void swap(int a, int b) {
    int row = rows[a];
    rows[a] = rows[b];
    rows[b] = row;
    float similarity = similarities[a];
    similarities[a] = similarities[b];
    similarities[b] = similarity;
  }
}
