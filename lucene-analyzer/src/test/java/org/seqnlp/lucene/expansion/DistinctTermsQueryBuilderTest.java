package org.seqnlp.lucene.expansion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.QueryBuilder;
import org.junit.jupiter.api.Test;
import org.seqnlp.vectors.NearestNeighbours;

class DistinctTermsQueryBuilderTest {

  private static final NearestNeighbours VEHICLES = new NearestNeighbours(ExpansionFixtures.vehicles());

  private static TermQuery term(String text) {
    return new TermQuery(new Term("body", text));
  }

  @Test
  void eachTokenOfAPositionIsAnOptionalClauseBoostedOnlyWhenItsBoostIsNotOne() {
    try (SemanticExpansionAnalyzer analyzer = new SemanticExpansionAnalyzer(VEHICLES, CharArraySet.EMPTY_SET, 1,
        0.7f, 0.5f)) {
      QueryBuilder builder = new DistinctTermsQueryBuilder(analyzer);
      Query expected = new BooleanQuery.Builder()
          .add(term("banana"), Occur.SHOULD)
          .add(new BoostQuery(term("fruit"), 0.5f), Occur.SHOULD)
          .build();
      assertEquals(expected, builder.createBooleanQuery("body", "banana"));
      assertEquals(term("unknown"), builder.createBooleanQuery("body", "unknown"));
    }
  }

  /**
   * The point of the class: the BM25 score of the expanded query is the original query's plus the
   * expansion weight times that of the expansions, each weighted by its share of the cosines.
   */
  @Test
  void scoreIsTheOriginalQueryPlusTheWeightTimesTheExpansions() throws IOException {
    try (Directory directory = new ByteBuffersDirectory();
        SemanticExpansionAnalyzer expanding = new SemanticExpansionAnalyzer(VEHICLES, CharArraySet.EMPTY_SET, 2,
            0.7f, 0.4f)) {
      try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
        for (String text : List.of("a car and a red car", "an automobile", "a vehicle or a car", "banana fruit",
            "a banana", "nothing here")) {
          Document document = new Document();
          document.add(new TextField("body", text, Field.Store.NO));
          writer.addDocument(document);
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        Query expanded = new DistinctTermsQueryBuilder(expanding).createBooleanQuery("body", "car banana");
        float car = VEHICLES.nearest("car", 2, 0.7f).stream().map(n -> n.similarity()).reduce(0f, Float::sum);
        Query expansions = new BooleanQuery.Builder()
            .add(new BoostQuery(term("automobile"), VEHICLES.nearest("car", 1, 0.7f).get(0).similarity() / car),
                Occur.SHOULD)
            .add(new BoostQuery(term("vehicle"), VEHICLES.nearest("car", 2, 0.7f).get(1).similarity() / car),
                Occur.SHOULD)
            .add(term("fruit"), Occur.SHOULD)
            .build();
        Query originalPlusExpansions = new BooleanQuery.Builder()
            .add(new QueryBuilder(new StandardAnalyzer()).createBooleanQuery("body", "car banana"), Occur.SHOULD)
            .add(new BoostQuery(expansions, 0.4f), Occur.SHOULD)
            .build();
        int matched = 0;
        for (int doc = 0; doc < reader.maxDoc(); doc++) {
          float expected = searcher.explain(originalPlusExpansions, doc).getValue().floatValue();
          assertEquals(expected, searcher.explain(expanded, doc).getValue().floatValue(), 1e-5f, "document " + doc);
          matched += expected > 0 ? 1 : 0;
        }
        assertEquals(5, matched);
        assertTrue(searcher.explain(expanded, 1).getValue().floatValue() > 0, "automobile matches only by expansion");
      }
    }
  }
}
