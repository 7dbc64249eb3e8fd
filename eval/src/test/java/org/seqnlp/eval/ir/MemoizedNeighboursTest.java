package org.seqnlp.eval.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.seqnlp.vectors.NearestNeighbours;
import org.seqnlp.vectors.Neighbour;
import org.seqnlp.vectors.NeighbourLookup;
import org.seqnlp.vectors.WordVectors;

class MemoizedNeighboursTest {

  private final NearestNeighbours search = new NearestNeighbours(TinyCollection.vectors());
  private final AtomicInteger scans = new AtomicInteger();
  private final NeighbourLookup counting = new NeighbourLookup() {
    @Override
    public WordVectors vectors() {
      return search.vectors();
    }

    @Override
    public List<Neighbour> nearest(String word, int k, float minSimilarity) {
      scans.incrementAndGet();
      return search.nearest(word, k, minSimilarity);
    }
  };

  @Test
  void answersAsTheSearchWithOneScanPerWord() {
    MemoizedNeighbours memo = new MemoizedNeighbours(counting, 3);
    for (String word : List.of("car", "banana", "unknown")) {
      for (int k = 1; k <= 3; k++) {
        for (float min : new float[] {0.1f, 0.5f, 0.95f}) {
          assertEquals(search.nearest(word, k, min), memo.nearest(word, k, min), word + " " + k + " " + min);
        }
      }
    }
    assertEquals(3, scans.get());
  }

  @Test
  void largerRequestsGoToTheSearch() {
    MemoizedNeighbours memo = new MemoizedNeighbours(counting, 1);
    assertEquals(search.nearest("banana", 3, 0.1f), memo.nearest("banana", 3, 0.1f));
    assertEquals(1, scans.get());
    assertEquals(search.vectors(), memo.vectors());
  }
}
