package org.seqnlp.lucene.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.reverse.ReverseStringFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

class StandardEnglishAnalyzerTest {

  private static List<String> terms(Analyzer analyzer, String text) throws IOException {
    List<String> terms = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream("f", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        terms.add(term.toString());
      }
      stream.end();
    }
    return terms;
  }

  @Test
  void lowercasesAndDropsEnglishStopWordsWithoutStemming() throws IOException {
    try (StandardEnglishAnalyzer analyzer = new StandardEnglishAnalyzer()) {
      assertEquals(List.of("flows", "air", "speed"), terms(analyzer, "The Flows of Air-Speed"));
    }
  }

  /** The added filter sees the index's terms: after lowercasing and stop words, as a query expansion filter must. */
  @Test
  void aFilterAddedAtTheEndSeesTheIndexTerms() throws IOException {
    try (StandardEnglishAnalyzer analyzer = StandardEnglishAnalyzer.followedBy(ReverseStringFilter::new)) {
      assertEquals(List.of("swolf", "ria"), terms(analyzer, "The Flows of Air"));
    }
  }
}
