package org.seqnlp.vectors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.seqnlp.io.ArrayLimits;
import org.seqnlp.progress.Progress;

/**
 * The {@code k} nearest neighbours of every word, computed once by {@link NearestNeighbours#table} so
 * that a lookup costs a hash lookup and a copy of at most k entries instead of a vocabulary scan.
 * Memory: 8 bytes per word and neighbour. Immutable and thread-safe.
 */
public final class NeighbourTable implements NeighbourLookup {

  /** Words searched together, sharing each block of vectors read from memory. */
  private static final int BATCH_ROWS = 256;
  private static final int NO_NEIGHBOUR = -1;

  private final WordVectors vectors;
  private final int k;
  private final int[] neighbourRows;
  private final float[] similarities;

  private NeighbourTable(WordVectors vectors, int k, int[] neighbourRows, float[] similarities) {
    this.vectors = vectors;
    this.k = k;
    this.neighbourRows = neighbourRows;
    this.similarities = similarities;
  }

  /**
   * Builds the table: the words are searched in batches of {@value #BATCH_ROWS} consecutive rows, each
   * batch by one thread with heaps of its own, so no locking is needed.
   */
  static NeighbourTable build(NearestNeighbours search, int k, Progress progress) {
    Runtime runtime = Runtime.getRuntime();
    return build(search, k, progress, runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory()));
  }

  /** {@link #build(NearestNeighbours, int, Progress)} with {@code availableBytes} of heap to build in. */
  static NeighbourTable build(NearestNeighbours search, int k, Progress progress, long availableBytes) {
    NearestNeighbours.requireNonNegative(k);
    int size = search.size();
    if (!ArrayLimits.fitsRows(size, k)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "a table of %,d neighbours for each of %,d"
          + " words has more than the %,d entries one table holds; ask for fewer neighbours", k, size,
          ArrayLimits.MAX_LENGTH));
    }
    requireMemory(size, k, availableBytes);
    int[] neighbourRows = new int[size * k];
    float[] similarities = new float[neighbourRows.length];
    AtomicInteger nextBatch = new AtomicInteger();
    AtomicReference<RuntimeException> failure = new AtomicReference<>();
    TableSearch tableSearch = search.tableSearch();
    Runnable worker = () -> {
      NeighbourHeaps heaps = new NeighbourHeaps(BATCH_ROWS, k);
      for (int first; failure.get() == null && (first = nextBatch.getAndAdd(BATCH_ROWS)) < size; ) {
        int rows = Math.min(BATCH_ROWS, size - first);
        tableSearch.searchRows(first, rows, heaps);
        for (int i = 0; i < rows; i++) {
          int row = first + i;
          int found = heaps.drainBestFirst(i, neighbourRows, similarities, row * k);
          Arrays.fill(neighbourRows, row * k + found, (row + 1) * k, NO_NEIGHBOUR);
        }
        progress.advance(rows);
      }
    };
    runOnAllProcessors(worker, failure);
    return new NeighbourTable(search.vectors(), k, neighbourRows, similarities);
  }

  /**
   * Fails, saying what to change, when a table of {@code k} neighbours for {@code words} words needs more than
   * {@code availableBytes}: an OutOfMemoryError at a Solr core's load says neither what took the memory nor what to
   * lower, and can take the node down with it.
   */
  private static void requireMemory(int words, int k, long availableBytes) {
    long bytes = (long) words * k * (Integer.BYTES + Float.BYTES);
    if (bytes > availableBytes) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "a table of %,d neighbours for each of %,d words"
          + " takes %,d MB, more than the %,d MB of heap left; ask for fewer neighbours, search without a table, or"
          + " give the JVM more heap", k, words, bytes >> 20, availableBytes >> 20));
    }
  }

  /** How many neighbours per word the table holds. */
  public int k() {
    return k;
  }

  @Override
  public WordVectors vectors() {
    return vectors;
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException when {@code k} exceeds {@link #k()}
   */
  @Override
  public List<Neighbour> nearest(String word, int k, float minSimilarity) {
    if (k > this.k || k < 0) {
      throw new IllegalArgumentException("the table holds " + this.k + " neighbours per word, asked for " + k);
    }
    int row = vectors.indexOf(word);
    if (row < 0) {
      return List.of();
    }
    List<Neighbour> neighbours = new ArrayList<>(k);
    for (int slot = row * this.k, end = slot + k; slot < end; slot++) {
      int neighbour = neighbourRows[slot];
      if (neighbour == NO_NEIGHBOUR || similarities[slot] < minSimilarity) {
        break;
      }
      neighbours.add(new Neighbour(neighbour, vectors.word(neighbour), similarities[slot]));
    }
    return neighbours;
  }

  private static void runOnAllProcessors(Runnable worker, AtomicReference<RuntimeException> failure) {
    Runnable guarded = () -> {
      try {
        worker.run();
      } catch (RuntimeException e) {
        failure.compareAndSet(null, e);
      }
    };
    Thread[] threads = new Thread[Runtime.getRuntime().availableProcessors()];
    for (int i = 0; i < threads.length; i++) {
      threads[i] = new Thread(guarded, "neighbour-table-" + i);
      threads[i].setDaemon(true);
      threads[i].start();
    }
    boolean interrupted = false;
    for (Thread thread : threads) {
      while (true) {
        try {
          thread.join();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
          failure.compareAndSet(null, new CancellationException("neighbour table build interrupted"));
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (failure.get() != null) {
      throw failure.get();
    }
  }
}
