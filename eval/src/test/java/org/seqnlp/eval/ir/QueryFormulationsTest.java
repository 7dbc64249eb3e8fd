package org.seqnlp.eval.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class QueryFormulationsTest {

  private static final RetrievalAnalyzer BASELINE = RetrievalAnalyzer.baseline();
  private static RetrievalAnalyzer expanding;

  @BeforeAll
  static void loadVectors() throws IOException {
    LuceneWord2VecExpansion lucene = LuceneWord2VecExpansion.of(TinyCollection.vectors());
    expanding = RetrievalAnalyzer.followedBy(lucene.filter(new ExpansionSettings(1, 0.9f)));
  }

  @Test
  void analyzedQueryIsOneOptionalClausePerTermWithoutStopWords() throws IOException {
    Query query = QueryFormulations.analyzed(BASELINE).formulate("The car and the banana");
    assertEquals("text:car text:banana", query.toString());
  }

  @Test
  void queryOfStopWordsOnlyMatchesNothing() throws IOException {
    assertInstanceOf(MatchNoDocsQuery.class, QueryFormulations.analyzed(BASELINE).formulate("the and of"));
  }

  @Test
  void synonymsAtOnePositionBecomeASynonymQuery() throws IOException {
    Query query = QueryFormulations.analyzed(expanding).formulate("automobile");
    assertInstanceOf(SynonymQuery.class, query);
    assertEquals(2, ((SynonymQuery) query).getTerms().size());
  }

  @Test
  void interpolationKeepsTheOriginalQueryAndAddsWeightedExpansionTerms() throws IOException {
    Query query = QueryFormulations.interpolated(BASELINE, expanding, 0.25f, false).formulate("automobile truck");
    List<BooleanClause> clauses = ((BooleanQuery) query).clauses();
    assertEquals(2, clauses.size());
    assertEquals("text:automobile text:truck", clauses.get(0).getQuery().toString());
    BoostQuery expansion = (BoostQuery) clauses.get(1).getQuery();
    assertEquals(0.25f, expansion.getBoost());
    assertEquals("(text:car)^1.0", expansion.getQuery().toString());
  }

  @Test
  void interpolationWithoutExpansionTermsIsTheOriginalQuery() throws IOException {
    Query query = QueryFormulations.interpolated(BASELINE, expanding, 0.25f, false).formulate("truck wheel");
    assertEquals("text:truck text:wheel", query.toString());
    assertTrue(query instanceof BooleanQuery);
  }
}
