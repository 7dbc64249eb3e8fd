package org.seqnlp.lucene.expansion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;
import org.junit.jupiter.api.Test;
import org.seqnlp.vectors.NearestNeighbours;

class SemanticExpansionAnalyzerTest {

  private static final NearestNeighbours VEHICLES = new NearestNeighbours(ExpansionFixtures.vehicles());
  private static final CharArraySet THE = new CharArraySet(List.of("the"), false);

  @Test
  void distinctTermsKeepEachTermAndAddItsWeightedNeighbours() {
    try (SemanticExpansionAnalyzer analyzer = new SemanticExpansionAnalyzer(VEHICLES, THE, 2, 0.7f, 0.5f)) {
      Query query = new DistinctTermsQueryBuilder(analyzer).createBooleanQuery("body", "The fast CAR");
      // automobile .95 and vehicle .8 share 0.5 in proportion: .95 / 1.75 x .5 and .8 / 1.75 x .5.
      assertEquals("body:fast (body:car (body:automobile)^0.27142859 (body:vehicle)^0.22857144)", query.toString());
    }
  }

  @Test
  void lucenesDefaultQueryBuilderMergesATermAndItsNeighboursIntoASynonymQuery() {
    try (SemanticExpansionAnalyzer analyzer = new SemanticExpansionAnalyzer(VEHICLES, THE, 1, 0.7f, 0.5f)) {
      assertEquals("Synonym(body:banana body:fruit^0.5)",
          new QueryBuilder(analyzer).createBooleanQuery("body", "banana").toString());
    }
  }

  @Test
  void twoArgumentConstructorTakesTheFactoryDefaults() {
    try (SemanticExpansionAnalyzer defaults = new SemanticExpansionAnalyzer(VEHICLES, THE);
        SemanticExpansionAnalyzer explicit = new SemanticExpansionAnalyzer(VEHICLES, THE,
            SemanticExpansionFilterFactory.DEFAULT_MAX_EXPANSIONS, SemanticExpansionFilterFactory.DEFAULT_MIN_SIMILARITY,
            SemanticExpansionFilterFactory.DEFAULT_EXPANSION_WEIGHT)) {
      String text = "the car banana truck bus";
      assertEquals(new DistinctTermsQueryBuilder(explicit).createBooleanQuery("body", text),
          new DistinctTermsQueryBuilder(defaults).createBooleanQuery("body", text));
    }
  }

  @Test
  void normalizesQueryTextByLowercasingOnly() {
    try (SemanticExpansionAnalyzer analyzer = new SemanticExpansionAnalyzer(VEHICLES, THE)) {
      // as for wildcard and fuzzy terms: no expansion, no stop words
      assertEquals("the car", analyzer.normalize("body", "The CAR").utf8ToString());
    }
  }

  @Test
  void rejectsInvalidOptions() {
    assertThrows(IllegalArgumentException.class, () -> new SemanticExpansionAnalyzer(VEHICLES, THE, 0, 0.7f, 0.5f));
    assertThrows(IllegalArgumentException.class, () -> new SemanticExpansionAnalyzer(VEHICLES, THE, 3, 0, 0.5f));
    assertThrows(IllegalArgumentException.class, () -> new SemanticExpansionAnalyzer(VEHICLES, THE, 3, 0.7f, 0));
    assertThrows(IllegalArgumentException.class, () -> new SemanticExpansionAnalyzer(VEHICLES, THE, 3, 0.7f, 2));
  }
}
