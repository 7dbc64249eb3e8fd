package org.seqnlp.eval.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;
import org.seqnlp.lucene.expansion.SemanticExpansionAnalyzer;
import org.seqnlp.vectors.NearestNeighbours;
import org.seqnlp.vectors.WordVectors;

class StemmingTest {

  /** Stemmed, "attacks" is "attack" again: kept, it would weigh the term a second time at its own position. */
  @Test
  void aNeighbourStemmedIntoItsTermIsDropped() throws IOException {
    WordVectors vectors = new WordVectors(List.of("attack", "attacks", "assaults", "assault"), 2,
        new float[] {1, 0, 1, 0.01f, 1, 0.02f, 1, 0.03f});
    try (Analyzer stemmed = Stemming.PORTER.after(new SemanticExpansionAnalyzer(new NearestNeighbours(vectors),
        CharArraySet.EMPTY_SET, 10, 0.5f, 0.7f))) {
      assertEquals(List.of("attack", "assault"), terms(stemmed, "attack"));
    }
  }

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
}
