package org.seqnlp.lucene.expansion;

import org.seqnlp.progress.Progress;
import org.seqnlp.vectors.NearestNeighbours;
import org.seqnlp.vectors.NeighbourLookup;
import org.seqnlp.vectors.NeighbourTable;
import org.seqnlp.vectors.WordVectors;

/**
 * One loaded vector file as the analysis chain uses it: the exact search and, built on first demand,
 * a neighbour table. Shared by every factory that names the same file (see {@link VectorSpaceCache}).
 */
final class VectorSpace {

  private final String name;
  private final NearestNeighbours search;
  private NeighbourTable table;

  VectorSpace(String name, WordVectors vectors) {
    this.name = name;
    this.search = new NearestNeighbours(vectors);
  }

  NearestNeighbours search() {
    return search;
  }

  /**
   * A table of at least {@code k} neighbours per word, built on the first call (all processors, with
   * progress on stderr) and reused by later calls asking for no more neighbours.
   */
  synchronized NeighbourLookup table(int k) {
    if (table == null || table.k() < k) {
      WordVectors vectors = search.vectors();
      try (Progress progress = Progress.start("neighbour table for " + name, vectors.size(), "words")) {
        table = search.table(k, progress);
      }
    }
    return table;
  }
}
