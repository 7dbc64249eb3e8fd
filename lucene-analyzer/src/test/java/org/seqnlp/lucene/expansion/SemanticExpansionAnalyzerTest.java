package org.seqnlp.lucene.expansion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;
import org.junit.jupiter.api.Test;
import org.seqnlp.vectors.NearestNeighbours;

class SemanticExpansionAnalyzerTest {

  private static final NearestNeighbours VEHICLES = new NearestNeighbours(ExpansionFixtures.vehicles());

  @Test
  void queryBuilderMakesAWeightedSynonymQueryPerExpandedTerm() {
    CharArraySet stopWords = new CharArraySet(List.of("the"), false);
    try (SemanticExpansionAnalyzer analyzer = new SemanticExpansionAnalyzer(VEHICLES, stopWords, 3, 0.7f)) {
      Query query = new QueryBuilder(analyzer).createBooleanQuery("body", "The fast CAR");
      BooleanQuery bool = assertInstanceOf(BooleanQuery.class, query);
      List<BooleanClause> clauses = bool.clauses();
      assertEquals(2, clauses.size());
      assertEquals(new TermQuery(new org.apache.lucene.index.Term("body", "fast")), clauses.get(0).getQuery());
      SynonymQuery synonyms = assertInstanceOf(SynonymQuery.class, clauses.get(1).getQuery());
      assertEquals("Synonym(body:automobile^0.95 body:car body:vehicle^0.8)", synonyms.toString());
    }
  }

  @Test
  void singleExpandedTermIsASynonymQuery() {
    try (SemanticExpansionAnalyzer analyzer = new SemanticExpansionAnalyzer(VEHICLES, 1, 0.7f)) {
      Query query = new QueryBuilder(analyzer).createBooleanQuery("body", "banana");
      assertEquals("Synonym(body:banana body:fruit^0.9)", query.toString());
    }
  }

  @Test
  void rejectsInvalidOptions() {
    assertThrows(IllegalArgumentException.class, () -> new SemanticExpansionAnalyzer(VEHICLES, 0, 0.7f));
    assertThrows(IllegalArgumentException.class, () -> new SemanticExpansionAnalyzer(VEHICLES, 3, 0));
  }
}
