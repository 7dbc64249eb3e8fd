package org.seqnlp.eval.expansion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ExpansionLatencyBenchmarkTest {

  @Test
  void reportsLoadTimesAndBothLatenciesOnASmallVocabulary() {
    PrintStream standardOut = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    int exitCode;
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      exitCode = new CommandLine(new ExpansionLatencyBenchmark()).execute("--words", "300", "--load-dimension",
          "10", "--dimension", "8", "--terms", "20");
    } finally {
      System.setOut(standardOut);
    }
    String report = captured.toString(StandardCharsets.UTF_8);
    assertEquals(0, exitCode, report);
    assertTrue(report.contains("load 300 x 10 word2vec-binary"), report);
    assertTrue(report.contains("load 300 x 10 word2vec-text"), report);
    assertTrue(report.contains("String.split"), report);
    assertTrue(report.contains("exact search:    median "), report);
    assertTrue(report.contains("neighbour table built in "), report);
    assertTrue(report.contains("neighbour table: median "), report);
  }

  @Test
  void randomVectorsAreReproducibleAndRoundedToSixDecimals() {
    var first = ExpansionLatencyBenchmark.randomVectors(5, 4, 9);
    var second = ExpansionLatencyBenchmark.randomVectors(5, 4, 9);
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
