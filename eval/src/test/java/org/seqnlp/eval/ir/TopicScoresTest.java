package org.seqnlp.eval.ir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.util.QueryBuilder;
import org.junit.jupiter.api.Test;
import org.seqnlp.lucene.corpus.StandardEnglishAnalyzer;
import org.seqnlp.lucene.expansion.DistinctTermsQueryBuilder;
import org.seqnlp.vectors.NearestNeighbours;

class TopicScoresTest {

  @Test
  void scoresOnlyJudgedTopicsAndExpansionRecoversMissedDocuments() throws IOException {
    TestCollection collection = TinyCollection.collection();
    StandardEnglishAnalyzer baseline = new StandardEnglishAnalyzer();
    try (SearchIndex index = SearchIndex.build(collection.documents(), baseline)) {
      TopicScores bm25 = TopicScores.evaluate(collection, index, QueryFormulation.of(new QueryBuilder(baseline)));
      assertEquals(List.of("1", "2"), bm25.topicIds(), "topic 3 has no judgements");
      // "automobile" only occurs in d2: one of two relevant documents, at rank 1.
      assertEquals(0.5, bm25.averagePrecision()[0], 1e-9);
      assertEquals(0.5, bm25.recall100()[0], 1e-9);

      SemanticExpansionMethod ours = new SemanticExpansionMethod(new NearestNeighbours(TinyCollection.vectors()));
      TopicScores expanded = TopicScores.evaluate(collection, index,
          QueryFormulation.of(new DistinctTermsQueryBuilder(ours.analyzer(new ExpansionSettings(1, 0.9f, 0.5f)))));
      assertArrayEquals(new double[] {1, 1}, expanded.recall100(), 1e-9);
      assertEquals(1.0, expanded.averagePrecision()[0], 1e-9);
    }
  }
}
