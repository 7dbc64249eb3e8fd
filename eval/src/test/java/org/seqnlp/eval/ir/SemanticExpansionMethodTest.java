package org.seqnlp.eval.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.junit.jupiter.api.Test;
import org.seqnlp.lucene.expansion.DistinctTermsQueryBuilder;
import org.seqnlp.lucene.expansion.SemanticExpansionAnalyzer;
import org.seqnlp.vectors.NearestNeighbours;

class SemanticExpansionMethodTest {

  private final NearestNeighbours neighbours = new NearestNeighbours(TinyCollection.vectors());
  private final SemanticExpansionMethod ours = new SemanticExpansionMethod(neighbours);

  @Test
  void expandsWithNeighboursAboveTheCosineThreshold() throws IOException {
    try (Analyzer analyzer = ours.analyzer(new ExpansionSettings(2, 0.9f, 0.5f))) {
      assertEquals(List.of("automobile/<ALPHANUM>/1", "car/SYNONYM/0", "truck/<ALPHANUM>/1"),
          LuceneWord2VecExpansionTest.tokens(analyzer, "automobile truck"));
    }
  }

  /**
   * eval-ir's expanded query is the plain Lucene user's: {@link SemanticExpansionAnalyzer} with Lucene's
   * English stop words through {@link DistinctTermsQueryBuilder}, the query Solr builds from the example
   * configset (SemanticConfigsetSolrTest).
   */
  @Test
  void formulatesWhatSemanticExpansionAnalyzerAndDistinctTermsQueryBuilderMake() throws IOException {
    ExpansionSettings settings = new ExpansionSettings(2, 0.15f, 0.4f);
    String text = "The banana and the car, an automobile";
    try (Analyzer evalIr = ours.analyzer(settings);
        Analyzer user = new SemanticExpansionAnalyzer(neighbours, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, 2, 0.15f,
            0.4f)) {
      assertEquals(new DistinctTermsQueryBuilder(user).createBooleanQuery(SearchIndex.FIELD, text),
          QueryFormulation.of(new DistinctTermsQueryBuilder(evalIr)).formulate(text));
    }
  }
}
