package org.seqnlp.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.seqnlp.vectors.kernels.VectorKernels;
import org.seqnlp.vectors.kernels.Vectorization;

/**
 * Exactness of the code scan: on the SIMD and on the plain kernels it finds what the plain scan finds,
 * the same rows with bit-identical similarities, across sizes around the block size, dimensions around
 * the 16-dimension sums, clustered and random spaces, zero and duplicate rows, k and thresholds.
 */
class CodeScanTest {

  private final Random random = new Random(11);

  private static List<Neighbour> run(VocabularyScan scan, WordVectors space, float[] unitQuery, int excluded,
      int k, float minSimilarity) {
    NeighbourHeaps heaps = new NeighbourHeaps(1, k);
    scan.search(unitQuery, excluded, minSimilarity, heaps, 0);
    return heaps.drainBestFirst(0, space);
  }

  /** Rows around a few centres, as words of one topic are, plus noise, zero and duplicate rows. */
  private WordVectors space(int size, int dimension, boolean clustered) {
    float[][] centres = new float[5][dimension];
    for (float[] centre : centres) {
      for (int d = 0; d < dimension; d++) {
        centre[d] = (float) random.nextGaussian();
      }
    }
    List<String> words = new ArrayList<>();
    float[] matrix = new float[size * dimension];
    for (int row = 0; row < size; row++) {
      words.add("w" + row);
      float[] centre = centres[random.nextInt(centres.length)];
      for (int d = 0; d < dimension; d++) {
        matrix[row * dimension + d] = (clustered ? centre[d] : 0) + (float) random.nextGaussian() * 0.4f;
      }
    }
    if (size > 10) {
      java.util.Arrays.fill(matrix, 3 * dimension, 4 * dimension, 0f);
      System.arraycopy(matrix, 5 * dimension, matrix, (size - 1) * dimension, dimension);
      for (int d = 0; d < dimension; d++) {
        matrix[7 * dimension + d] = matrix[5 * dimension + d] * 3;
      }
    }
    return new WordVectors(words, dimension, matrix);
  }

  private void assertSameAsThePlainScan(WordVectors space) {
    UnitVectors unit = new UnitVectors(space);
    VocabularyScan plain = new ColumnScan(unit);
    List<VocabularyScan> scans = new ArrayList<>(List.of(new CodeScan(unit, Vectorization.scalar())));
    Vectorization.simd().ifPresent(simd -> scans.add(new CodeScan(unit, simd)));
    for (int query = 0; query < Math.min(space.size(), 20); query++) {
      int row = random.nextInt(space.size());
      // A search is never asked for the neighbours of a zero vector.
      float[] vector = random.nextBoolean() ? unit.row(row) : UnitVectors.unit(space.vector(random.nextInt(space.size())));
      if (vector == null || unit.isZero(row)) {
        continue;
      }
      int k = new int[] {0, 1, 3, 10, 50}[random.nextInt(5)];
      float min = new float[] {-1, Float.NEGATIVE_INFINITY, 0, 0.3f, 0.9f}[random.nextInt(5)];
      List<Neighbour> expected = run(plain, space, vector, row, k, min);
      for (VocabularyScan scan : scans) {
        assertEquals(expected, run(scan, space, vector, row, k, min),
            () -> space.size() + " x " + space.dimension() + ", k " + k + ", min " + min);
      }
    }
  }

  @Test
  void findsExactlyWhatThePlainScanFinds() {
    for (int size : new int[] {1, 65, 1000}) {
      for (int dimension : new int[] {1, 17, 100}) {
        assertSameAsThePlainScan(space(size, dimension, true));
        assertSameAsThePlainScan(space(size, dimension, false));
      }
    }
  }

  /**
   * Rows whose 7-bit codes err by almost half a step in every dimension, for or against the query (whose
   * components all have one magnitude, so its own codes are exact): their similarities lie within a hair
   * of their upper or lower bound, and a bound a thousandth too tight on either side changes the
   * neighbours.
   */
  @Test
  void findsExactlyWhatThePlainScanFindsWhenTheBoundsAreTight() {
    int dimension = 100;
    float[] query = new float[dimension];
    int[] base = new int[dimension];
    for (int d = 0; d < dimension; d++) {
      query[d] = random.nextBoolean() ? 0.1f : -0.1f;
      base[d] = random.nextInt(81) - 40;
    }
    // One component at the largest code with no error fixes each row's scale at 1 / |row|.
    base[0] = VectorKernels.MAX_ROW_CODE;
    List<String> words = new ArrayList<>();
    float[] matrix = new float[3000 * dimension];
    for (int row = 0; row < 3000; row++) {
      words.add("w" + row);
      // 0.45 of a step rounds down and 0.55 up: similarities interleave, codes err 0.45 either way.
      float offset = random.nextBoolean() ? 0.45f : 0.55f;
      matrix[row * dimension] = base[0];
      for (int d = 1; d < dimension; d++) {
        matrix[row * dimension + d] = base[d] + random.nextInt(3) - 1 + offset * Math.signum(query[d]);
      }
    }
    WordVectors space = new WordVectors(words, dimension, matrix);
    UnitVectors unit = new UnitVectors(space);
    VocabularyScan plain = new ColumnScan(unit);
    List<VocabularyScan> scans = new ArrayList<>(List.of(new CodeScan(unit, Vectorization.scalar())));
    Vectorization.simd().ifPresent(simd -> scans.add(new CodeScan(unit, simd)));
    float[] unitQuery = UnitVectors.unit(query);
    for (int k : new int[] {1, 2, 5, 20, 100}) {
      List<Neighbour> expected = run(plain, space, unitQuery, -1, k, -1);
      for (VocabularyScan scan : scans) {
        assertEquals(expected, run(scan, space, unitQuery, -1, k, -1), "k " + k);
      }
    }
  }

  private static List<List<Neighbour>> searchRows(TableSearch search, WordVectors space, int batch, int k) {
    List<List<Neighbour>> found = new ArrayList<>();
    NeighbourHeaps heaps = new NeighbourHeaps(batch, k);
    for (int first = 0; first < space.size(); first += batch) {
      int rows = Math.min(batch, space.size() - first);
      search.searchRows(first, rows, heaps);
      for (int i = 0; i < rows; i++) {
        found.add(heaps.drainBestFirst(i, space));
      }
    }
    return found;
  }

  @Test
  void panelTableSearchFindsExactlyWhatThePlainScanFinds() {
    for (int size : new int[] {1, 2, 33, 1501}) {
      WordVectors space = space(size, 30, true);
      UnitVectors unit = new UnitVectors(space);
      List<VectorKernels> kernels = new ArrayList<>(List.of(Vectorization.scalar()));
      Vectorization.simd().ifPresent(kernels::add);
      for (int batch : new int[] {1, 7, 256}) {
        List<List<Neighbour>> expected = searchRows(new ColumnScan(unit), space, batch, 5);
        for (VectorKernels each : kernels) {
          assertEquals(expected, searchRows(new PanelScan(unit, each), space, batch, 5), each + ", size " + size);
        }
      }
    }
  }

  @Test
  void neighbourTablesAreTheSameOnBothScans() {
    assumeTrue(Vectorization.simd().isPresent(), Vectorization.describe());
    VectorKernels simd = Vectorization.simd().get();
    WordVectors space = space(1501, 30, true);
    NeighbourTable plain = new NearestNeighbours(space, Vectorization.scalar())
        .table(7, org.seqnlp.progress.Progress.silent("t", space.size(), "words"));
    NeighbourTable coded = new NearestNeighbours(space, simd)
        .table(7, org.seqnlp.progress.Progress.silent("t", space.size(), "words"));
    for (int row = 0; row < space.size(); row++) {
      assertEquals(plain.nearest(space.word(row), 7, -1), coded.nearest(space.word(row), 7, -1));
    }
  }
}
