package org.seqnlp.eval.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;

class SemanticExpansionMethodTest {

  private final SemanticExpansionMethod ours = new SemanticExpansionMethod(TinyCollection.vectors());

  @Test
  void expandsWithNeighboursAboveTheCosineThreshold() throws IOException {
    RetrievalAnalyzer analyzer = RetrievalAnalyzer.followedBy(ours.filter(new ExpansionSettings(2, 0.9f)));
    assertEquals(List.of("automobile/<ALPHANUM>/1", "car/SYNONYM/0", "truck/<ALPHANUM>/1"),
        LuceneWord2VecExpansionTest.tokens(analyzer, "automobile truck"));
  }

  @Test
  void interpolatedQueryWeightsEachExpansionByItsCosine() throws IOException {
    RetrievalAnalyzer expanding = RetrievalAnalyzer.followedBy(ours.filter(new ExpansionSettings(1, 0.9f)));
    Query query = QueryFormulations.interpolated(RetrievalAnalyzer.baseline(), expanding, 0.5f, false)
        .formulate("automobile");
    BoostQuery expansion = (BoostQuery) ((BooleanQuery) query).clauses().get(1).getQuery();
    BoostQuery car = (BoostQuery) ((BooleanQuery) expansion.getQuery()).clauses().get(0).getQuery();
    float cosine = (0.95f + 0.02f) / (float) (Math.sqrt(1.01) * Math.sqrt(0.9025 + 0.04));
    assertEquals(cosine, car.getBoost(), 1e-5);
    assertEquals("text:car", car.getQuery().toString());
  }

  @Test
  void sharedWeightsOfATermsExpansionsSumToOne() throws IOException {
    RetrievalAnalyzer expanding = RetrievalAnalyzer.followedBy(ours.filter(new ExpansionSettings(2, 0.15f)));
    Query query = QueryFormulations.interpolated(RetrievalAnalyzer.baseline(), expanding, 0.5f, true)
        .formulate("banana car");
    BooleanQuery expansion = (BooleanQuery) ((BoostQuery) ((BooleanQuery) query).clauses().get(1).getQuery())
        .getQuery();
    // banana: fruit (cos .975) and yellow (.198) pass 0.15; car: automobile only.
    assertEquals(List.of("text:fruit", "text:yellow", "text:automobile"), expansion.clauses().stream()
        .map(clause -> ((BoostQuery) clause.getQuery()).getQuery().toString()).toList());
    float[] boosts = new float[3];
    for (int i = 0; i < 3; i++) {
      boosts[i] = ((BoostQuery) expansion.clauses().get(i).getQuery()).getBoost();
    }
    assertEquals(1f, boosts[0] + boosts[1], 1e-6);
    assertTrue(boosts[0] > boosts[1], "the closer neighbour gets the larger share");
    assertEquals(1f, boosts[2], 1e-6);
  }
}
