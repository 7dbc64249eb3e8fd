package org.seqnlp.eval.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;
import org.seqnlp.lucene.corpus.AnalysedText;
import org.seqnlp.vectors.NearestNeighbours;
import org.seqnlp.vectors.WordVectors;

class StemmingTest {

  /** The stemmer comes after the expansion filter: neighbours are stemmed as the terms are, as in a stemmed field. */
  @Test
  void porterStemsTheTermsAndTheirNeighboursAndNoneLeavesThem() throws IOException {
    WordVectors vectors = new WordVectors(List.of("cars", "automobiles"), 2, new float[] {1, 0.1f, 0.9f, 0.2f});
    SemanticExpansionMethod ours = new SemanticExpansionMethod(new NearestNeighbours(vectors));
    ExpansionSettings settings = new ExpansionSettings(1, 0.5f, 0.5f);
    try (Analyzer none = Stemming.NONE.after(ours.analyzer(settings));
        Analyzer porter = Stemming.PORTER.after(ours.analyzer(settings))) {
      assertEquals("cars automobiles ", AnalysedText.of(none, "f", "The cars"));
      assertEquals("car automobil ", AnalysedText.of(porter, "f", "The cars"));
    }
  }
}
