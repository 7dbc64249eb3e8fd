package org.seqnlp.eval.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;
import org.seqnlp.vectors.NearestNeighbours;
import org.seqnlp.vectors.WordVectors;

class StemmingTest {

  private static List<String> terms(Analyzer analyzer, String text) throws IOException {
    List<String> terms = new ArrayList<>();
    try (analyzer; TokenStream stream = analyzer.tokenStream("f", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        terms.add(term.toString());
      }
      stream.end();
    }
    return terms;
  }

  /** The stemmer comes after the expansion filter: neighbours are stemmed as the terms are, as in a stemmed field. */
  @Test
  void porterStemsTheTermsAndTheirNeighboursAndNoneLeavesThem() throws IOException {
    WordVectors vectors = new WordVectors(List.of("cars", "automobiles"), 2, new float[] {1, 0.1f, 0.9f, 0.2f});
    SemanticExpansionMethod ours = new SemanticExpansionMethod(new NearestNeighbours(vectors));
    ExpansionSettings settings = new ExpansionSettings(1, 0.5f, 0.5f);
    assertEquals(List.of("cars", "automobiles"), terms(Stemming.NONE.after(ours.analyzer(settings)), "The cars"));
    assertEquals(List.of("car", "automobil"), terms(Stemming.PORTER.after(ours.analyzer(settings)), "The cars"));
  }
}
