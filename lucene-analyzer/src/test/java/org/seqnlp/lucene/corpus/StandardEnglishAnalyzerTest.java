package org.seqnlp.lucene.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.apache.lucene.analysis.reverse.ReverseStringFilter;
import org.junit.jupiter.api.Test;

class StandardEnglishAnalyzerTest {

  @Test
  void lowercasesAndDropsEnglishStopWordsWithoutStemming() throws IOException {
    try (StandardEnglishAnalyzer analyzer = new StandardEnglishAnalyzer()) {
      assertEquals("flows air speed ", AnalysedText.of(analyzer, "f", "The Flows of Air-Speed"));
    }
  }

  /** The added filter sees the index's terms: after lowercasing and stop words, as a query expansion filter must. */
  @Test
  void aFilterAddedAtTheEndSeesTheIndexTerms() throws IOException {
    try (StandardEnglishAnalyzer analyzer = StandardEnglishAnalyzer.followedBy(ReverseStringFilter::new)) {
      assertEquals("swolf ria ", AnalysedText.of(analyzer, "f", "The Flows of Air"));
    }
  }
}
