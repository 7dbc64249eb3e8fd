package org.seqnlp.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.seqnlp.progress.Progress;

class SubwordNeighboursTest {

  /** "car" and "auto" point one way, "fruit" another; every n-gram bucket points like "car". */
  private static WordVectors vectors() {
    float[] buckets = new float[50 * 2];
    for (int b = 0; b < 50; b++) {
      buckets[2 * b] = 1;
    }
    return new WordVectors(List.of("car", "auto", "fruit"), 2, new float[] {1, 0, 0.9f, 0.1f, 0, 1},
        new SubwordVectors(new CharacterNgrams(3, 5, 50), 2, buckets));
  }

  @Test
  void unseenWordsGetTheNeighboursOfTheirSubwordVector() {
    WordVectors vectors = vectors();
    NearestNeighbours search = new NearestNeighbours(vectors);
    SubwordNeighbours neighbours = new SubwordNeighbours(search.table(2, Progress.silent("t", 3, "words")), search);
    assertEquals(List.of("car", "auto"), words(neighbours.nearest("cars", 2, 0.5f)));
    assertEquals(List.of("auto"), words(neighbours.nearest("car", 2, 0.5f)), "a known word keeps its lookup");
    assertEquals(List.of(), neighbours.nearest("", 2, 0.5f), "no trigram in '<>'");
  }

  @Test
  void needsNgramVectorsAndOneSpace() {
    WordVectors vectors = vectors();
    NearestNeighbours plain = new NearestNeighbours(vectors.withoutSubwords());
    assertThrows(IllegalArgumentException.class, () -> new SubwordNeighbours(plain, plain));
    NearestNeighbours search = new NearestNeighbours(vectors);
    assertThrows(IllegalArgumentException.class, () -> new SubwordNeighbours(plain, search));
  }

  private static List<String> words(List<Neighbour> neighbours) {
    return neighbours.stream().map(Neighbour::word).toList();
  }
}
