package org.seqnlp.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExpansionLatencyCommandTest extends ToolTest {

  @Test
  void isASeqnlpSubcommandReportingLoadTimesAndTheLatenciesOfEveryMethod() {
    assertEquals(0, run("expansion-latency", "--words", "300", "--load-dimension", "10", "--dimension", "8",
        "--terms", "20"), err.toString());
    String report = out.toString();
    assertTrue(report.contains("load 300 x 10 word2vec-binary"), report);
    assertTrue(report.contains("load 300 x 10 word2vec-text"), report);
    assertTrue(report.contains("String.split"), report);
    assertTrue(report.contains("kernels: SIMD kernels (Vector API"), report);
    assertTrue(report.contains("plain scan:      median "), report);
    assertTrue(report.contains("SIMD code scan:  median "), report);
    assertTrue(report.contains("same neighbours for every term: yes"), report);
    assertTrue(report.contains("neighbour table built by the plain scan in "), report);
    assertTrue(report.contains("neighbour table built by the SIMD panel scan in "), report);
    assertTrue(report.contains("same table: yes"), report);
    assertTrue(report.contains("neighbour table: median "), report);
  }

  @Test
  void optionsOutOfRangeAreUsageErrors() {
    assertEquals(SeqNlp.EXIT_USAGE, run("expansion-latency", "--max-expansions", "100000"));
    assertEquals("seqnlp expansion-latency: --max-expansions must be an integer in [1, 1000], got 100000"
        + " (see --help)", err.toString().strip());
  }

  @Test
  void aMissingVectorFileFailsBeforeAnyBenchmark(@TempDir Path directory) {
    Path missing = directory.resolve("missing.bin");
    assertEquals(SeqNlp.EXIT_FAILURE, run("expansion-latency", "--vectors", missing.toString(), "--words", "300",
        "--load-dimension", "10"));
    assertEquals("seqnlp expansion-latency: error: " + missing + ": no such vector file", err.toString().strip());
    assertEquals("", out.toString(), "nothing timed");
  }

  @Test
  void aVectorFileIsSearchedInItsFirstWords() {
    var vectors = ExpansionLatencyCommand.randomVectors(5, 4, 9);
    var first = ExpansionLatencyCommand.firstWords(vectors, 3);
    assertEquals(3, first.size());
    for (int row = 0; row < 3; row++) {
      assertEquals(vectors.word(row), first.word(row));
      assertArrayEquals(vectors.vector(row), first.vector(row));
    }
    assertEquals(5, ExpansionLatencyCommand.firstWords(vectors, 100).size());
  }

  @Test
  void randomVectorsAreReproducibleAndRoundedToSixDecimals() {
    var first = ExpansionLatencyCommand.randomVectors(5, 4, 9);
    var second = ExpansionLatencyCommand.randomVectors(5, 4, 9);
    for (int row = 0; row < 5; row++) {
      for (int component = 0; component < 4; component++) {
        float value = first.get(row, component);
        assertEquals(value, second.get(row, component));
        assertEquals(value, (float) (Math.round(value * 1e6) / 1e6));
      }
    }
    assertEquals("w3", first.word(3));
  }
}
