package org.seqnlp.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.seqnlp.progress.Progress;

/** The search with the kernels the JVM chose (SIMD in the build); {@link PlainNearestNeighboursTest} repeats it on plain Java. */
class NearestNeighboursTest {

  private static final WordVectors SPACE = RandomVectors.gaussian(400, 12, 7);
  private final NearestNeighbours search = search(SPACE);

  NearestNeighbours search(WordVectors space) {
    return new NearestNeighbours(space);
  }

  /** Cosine in double precision straight from the raw vectors, as a reference. */
  static double cosine(float[] a, float[] b) {
    double dot = 0;
    double normA = 0;
    double normB = 0;
    for (int i = 0; i < a.length; i++) {
      dot += (double) a[i] * b[i];
      normA += (double) a[i] * a[i];
      normB += (double) b[i] * b[i];
    }
    return normA == 0 || normB == 0 ? Double.NaN : dot / Math.sqrt(normA * normB);
  }

  static List<Neighbour> bruteForce(WordVectors space, float[] query, int excluded, int k, double min) {
    List<Neighbour> all = new ArrayList<>();
    for (int row = 0; row < space.size(); row++) {
      double similarity = cosine(query, space.vector(row));
      if (row != excluded && !Double.isNaN(similarity) && similarity >= min) {
        all.add(new Neighbour(row, space.word(row), (float) similarity));
      }
    }
    all.sort(Comparator.comparingDouble(Neighbour::similarity).reversed());
    return all.subList(0, Math.min(k, all.size()));
  }

  static void assertSameNeighbours(List<Neighbour> expected, List<Neighbour> actual) {
    assertEquals(expected.size(), actual.size(), () -> "expected " + expected + " got " + actual);
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i).word(), actual.get(i).word(), "rank " + i);
      assertEquals(expected.get(i).similarity(), actual.get(i).similarity(), 1e-5, "rank " + i);
    }
  }

  @Test
  void matchesBruteForceForEveryWord() {
    for (int row = 0; row < SPACE.size(); row++) {
      assertSameNeighbours(bruteForce(SPACE, SPACE.vector(row), row, 10, -1),
          search.nearest(SPACE.word(row), 10, -1));
    }
  }

  @Test
  void matchesBruteForceAcrossSeveralBlocksWithAPartialLastOne() {
    WordVectors random = RandomVectors.gaussian(2 * ColumnScan.BLOCK_ROWS + 500, 7, 21);
    float[] matrix = RandomVectors.values(random);
    java.util.Arrays.fill(matrix, 1500 * 7, 1501 * 7, 0f);
    List<String> words = new ArrayList<>();
    for (int row = 0; row < random.size(); row++) {
      words.add(random.word(row));
    }
    WordVectors space = new WordVectors(words, 7, matrix);
    NearestNeighbours search = search(space);
    NeighbourTable table = search.table(6, Progress.silent("table", space.size(), "words"));
    for (int row = 0; row < space.size(); row += 97) {
      List<Neighbour> expected = bruteForce(space, space.vector(row), row, 6, -1);
      assertSameNeighbours(expected, search.nearest(row, 6, -1));
      assertEquals(search.nearest(row, 6, -1), table.nearest(space.word(row), 6, -1));
    }
    assertEquals(List.of(), search.nearest("w1500", 3, -1));
    assertEquals(List.of(), table.nearest("w1500", 3, -1));
    assertTrue(search.nearest("w2", 3000, -1).stream().noneMatch(n -> n.word().equals("w1500")));
  }

  @Test
  void excludesTheQueryWordAndSortsBySimilarity() {
    List<Neighbour> neighbours = search.nearest("w3", 25, -1);
    assertEquals(25, neighbours.size());
    for (int i = 0; i < neighbours.size(); i++) {
      assertTrue(!neighbours.get(i).word().equals("w3"));
      if (i > 0) {
        assertTrue(neighbours.get(i - 1).similarity() >= neighbours.get(i).similarity());
      }
    }
  }

  @Test
  void dropsNeighboursBelowMinimumSimilarity() {
    float min = 0.5f;
    for (int row = 0; row < 50; row++) {
      List<Neighbour> expected = bruteForce(SPACE, SPACE.vector(row), row, 100, min);
      List<Neighbour> actual = search.nearest(row, 100, min);
      assertSameNeighbours(expected, actual);
      actual.forEach(n -> assertTrue(n.similarity() >= min));
    }
  }

  @Test
  void findsNeighboursOfAnUnnormalisedVectorWithoutExcludingAnyWord() {
    float[] query = SPACE.vector(17);
    for (int i = 0; i < query.length; i++) {
      query[i] *= 42;
    }
    List<Neighbour> neighbours = search.nearest(query, 5, -1);
    assertEquals("w17", neighbours.get(0).word());
    assertEquals(1f, neighbours.get(0).similarity(), 1e-6);
    assertSameNeighbours(bruteForce(SPACE, query, -1, 5, -1), neighbours);
  }

  @Test
  void rejectsAQueryVectorOfTheWrongDimension() {
    assertThrows(IllegalArgumentException.class, () -> search.nearest(new float[3], 5, -1));
  }

  @Test
  void unknownWordHasNoNeighbours() {
    assertEquals(List.of(), search.nearest("unknown", 5, -1));
  }

  @Test
  void returnsTheWholeVocabularyWhenKExceedsIt() {
    assertEquals(SPACE.size() - 1, search.nearest("w0", 10_000, -1).size());
  }

  @Test
  void rejectsNegativeK() {
    assertThrows(IllegalArgumentException.class, () -> search.nearest("w0", -1, 0));
  }

  @Test
  void zeroVectorsAreNeverNeighboursAndHaveNone() {
    WordVectors space = new WordVectors(List.of("zero", "a", "b", "c"), 2,
        new float[] {0, 0, 1, 0, 1, 1, -1, 0});
    NearestNeighbours search = search(space);
    assertEquals(List.of(), search.nearest("zero", 3, -1));
    assertEquals(List.of(), search.nearest(new float[] {0, 0}, 3, -1));
    List<Neighbour> neighbours = search.nearest("a", 3, -1);
    assertEquals(List.of("b", "c"), neighbours.stream().map(Neighbour::word).toList());
    assertEquals((float) Math.sqrt(0.5), neighbours.get(0).similarity(), 1e-6);
    assertEquals(-1f, neighbours.get(1).similarity(), 1e-6);
    assertEquals(0f, search.similarity(0, 1));
  }

  @Test
  void similarityIsTheCosineOfTheRawVectors() {
    assertEquals(cosine(SPACE.vector(1), SPACE.vector(2)), search.similarity(1, 2), 1e-6);
    assertEquals(1f, search.similarity(5, 5), 1e-6);
  }

  @Test
  void breaksTiesByRow() {
    WordVectors space = new WordVectors(List.of("q", "x", "y", "z"), 2,
        new float[] {1, 0, 0, 1, 0, 2, 1, 0});
    List<Neighbour> neighbours = search(space).nearest("q", 3, -1);
    assertEquals(List.of("z", "x", "y"), neighbours.stream().map(Neighbour::word).toList());
  }

  @Test
  void tableGivesTheSameNeighboursAsTheSearch() {
    NeighbourTable table = search.table(8, Progress.silent("table", SPACE.size(), "words"));
    assertEquals(8, table.k());
    for (int row = 0; row < SPACE.size(); row++) {
      String word = SPACE.word(row);
      assertEquals(search.nearest(word, 8, -1), table.nearest(word, 8, -1));
      assertEquals(search.nearest(word, 3, 0.3f), table.nearest(word, 3, 0.3f));
    }
    assertEquals(List.of(), table.nearest("unknown", 3, 0));
    assertThrows(IllegalArgumentException.class, () -> table.nearest("w1", 9, 0));
  }

  @Test
  void tableReportsProgressForEveryWord() {
    Progress progress = Progress.silent("table", SPACE.size(), "words");
    search.table(2, progress);
    assertEquals(SPACE.size(), progress.done());
  }

  /** 8 bytes a word and neighbour: more than the heap left is refused before anything is allocated. */
  @Test
  void aTableLargerThanTheHeapLeftIsRefusedSayingWhatToChange() {
    Progress progress = Progress.silent("table", SPACE.size(), "words");
    long needed = (long) SPACE.size() * 4 * 8;
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> NeighbourTable.build(search, 4, progress, needed - 1));
    assertTrue(e.getMessage().startsWith("a table of 4 neighbours for each of " + SPACE.size() + " words takes 0 MB,"
        + " more than the 0 MB of heap left; ask for fewer neighbours, search without a table, or give the JVM"
        + " more heap"), e.getMessage());
    assertEquals(0, progress.done());
    assertEquals(4, NeighbourTable.build(search, 4, progress, needed).k());
  }

  @Test
  void tableOfASpaceSmallerThanKHoldsWhatThereIs() {
    WordVectors space = new WordVectors(List.of("zero", "a", "b"), 2, new float[] {0, 0, 1, 0, 1, 1});
    NeighbourTable table = search(space).table(5, Progress.silent("t", 3, "words"));
    assertEquals(List.of("b"), table.nearest("a", 5, -1).stream().map(Neighbour::word).toList());
    assertEquals(List.of(), table.nearest("zero", 5, -1));
  }

  @Test
  void concurrentQueriesGetTheSameAnswersAsSequentialOnes() throws Exception {
    List<List<Neighbour>> expected = new ArrayList<>();
    for (int row = 0; row < SPACE.size(); row++) {
      expected.add(search.nearest(row, 5, 0.1f));
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<List<List<Neighbour>>>> results = new ArrayList<>();
      for (int thread = 0; thread < 8; thread++) {
        results.add(pool.submit(() -> {
          List<List<Neighbour>> answers = new ArrayList<>();
          for (int row = 0; row < SPACE.size(); row++) {
            answers.add(search.nearest(row, 5, 0.1f));
          }
          return answers;
        }));
      }
      for (Future<List<List<Neighbour>>> result : results) {
        assertEquals(expected, result.get());
      }
    } finally {
      pool.shutdown();
    }
  }
}
