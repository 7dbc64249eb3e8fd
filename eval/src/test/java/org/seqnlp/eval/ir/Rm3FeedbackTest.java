package org.seqnlp.eval.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.seqnlp.lucene.corpus.StandardEnglishAnalyzer;
import org.seqnlp.lucene.expansion.DistinctTermsQueryBuilder;
import org.seqnlp.vectors.NearestNeighbours;
import org.seqnlp.vectors.WordVectors;

class Rm3FeedbackTest {

  private static SearchIndex index;

  /**
   * Twenty documents: "zebra" only in the first, so feedback comes from it alone; "grass" in three (15%,
   * above Anserini's 10%), so it is never a feedback term.
   */
  @BeforeAll
  static void index() throws IOException {
    List<CollectionDocument> documents = new ArrayList<>();
    documents.add(new CollectionDocument("d0", "zebra zebra stripes savanna grass"));
    documents.add(new CollectionDocument("d1", "grass lawn"));
    documents.add(new CollectionDocument("d2", "grass seed"));
    for (int i = 3; i < 20; i++) {
      documents.add(new CollectionDocument("d" + i, "filler" + i));
    }
    index = SearchIndex.build(documents, new StandardEnglishAnalyzer());
  }

  @AfterAll
  static void close() throws IOException {
    index.close();
  }

  private static Query weighted(String term, double weight) {
    return new BoostQuery(new TermQuery(new Term(SearchIndex.FIELD, term)), (float) weight);
  }

  @Test
  void mixesTheQueryHalfAndHalfWithTheRelevanceModelOfTheFeedbackDocuments() throws IOException {
    // Relevance model of d0 without grass: zebra 2/4, stripes 1/4, savanna 1/4; the query: zebra 1.
    Query expected = new BooleanQuery.Builder()
        .add(weighted("savanna", 0.125), Occur.SHOULD)
        .add(weighted("stripes", 0.125), Occur.SHOULD)
        .add(weighted("zebra", 0.75), Occur.SHOULD)
        .build();
    assertEquals(expected,
        new Rm3Feedback(index, new QueryBuilder(new StandardEnglishAnalyzer())).formulate("the zebra"));
  }

  @Test
  void expansionsAreAddedBesideTheQueryTermsByTheirBoost() throws IOException {
    WordVectors vectors = new WordVectors(List.of("zebra", "okapi"), 2, new float[] {1, 0, 0.9f, 0.1f});
    SemanticExpansionMethod ours = new SemanticExpansionMethod(new NearestNeighbours(vectors));
    // The query: zebra 1 and, on top, okapi 0.5 (its weight); okapi is in no document.
    Query query = new Rm3Feedback(index, new DistinctTermsQueryBuilder(ours.analyzer(new ExpansionSettings(1, 0.5f,
        0.5f)))).formulate("zebra");
    Map<String, Float> weights = new TreeMap<>();
    for (BooleanClause clause : ((BooleanQuery) query).clauses()) {
      BoostQuery boosted = (BoostQuery) clause.getQuery();
      weights.put(((TermQuery) boosted.getQuery()).getTerm().text(), boosted.getBoost());
    }
    assertEquals(List.of("okapi", "savanna", "stripes", "zebra"), List.copyOf(weights.keySet()));
    assertEquals(0.25, weights.get("okapi"), 1e-6);
    assertEquals(0.125, weights.get("savanna"), 1e-6);
    assertEquals(0.125, weights.get("stripes"), 1e-6);
    assertEquals(0.75, weights.get("zebra"), 1e-6);
  }

  @Test
  void queryOfStopWordsOnlyMatchesNothing() throws IOException {
    assertInstanceOf(MatchNoDocsQuery.class,
        new Rm3Feedback(index, new QueryBuilder(new StandardEnglishAnalyzer())).formulate("the"));
  }
}
