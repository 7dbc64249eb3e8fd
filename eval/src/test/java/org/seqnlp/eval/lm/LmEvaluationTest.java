package org.seqnlp.eval.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LmEvaluationTest {

  @Test
  void perplexityCountsOneEndOfSentenceTokenPerSentence() {
    List<List<String>> sentences = List.of(List.of("a", "b"), List.of());
    // log-probability −(tokens + 1) per sentence: 4 tokens in all with the end-of-sentence tokens
    double perplexity = LmEvaluation.perplexity(sentences, tokens -> -(tokens.length + 1.0));
    assertEquals(Math.E, perplexity, 1e-12);
  }

  @Test
  void tableHasOneRowPerModel() {
    String table = LmEvaluation.table(List.of(new LmEvaluation.Row("KN", 148.04, 141.2, "", ""),
        new LmEvaluation.Row("LSTM", 120, 115.54, "700 tokens/s", "clipped")));
    assertEquals(4, table.lines().count());
    assertTrue(table.contains("| KN | 148.0 | 141.2 |"), table);
    assertTrue(table.contains("| LSTM | 120.0 | 115.5 | 700 tokens/s | clipped |"), table);
  }

  @Test
  void divergedPerplexitiesAreWrittenInScientificNotation() {
    assertEquals("999999.0", LmEvaluation.formatPerplexity(999_999));
    assertEquals("1.1e+166", LmEvaluation.formatPerplexity(1.0953e166));
    assertEquals("Infinity", LmEvaluation.formatPerplexity(Double.POSITIVE_INFINITY));
  }
}
