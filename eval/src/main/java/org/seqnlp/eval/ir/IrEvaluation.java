package org.seqnlp.eval.ir;

import java.io.Closeable;
import java.io.IOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.QueryBuilder;
import org.seqnlp.lucene.corpus.StandardEnglishAnalyzer;

/**
 * Scores query formulations on one collection, over one index built with the baseline analysis:
 * expansion happens at query time only.
 */
public final class IrEvaluation implements Closeable {

  /**
   * Expansion changes only the query, but a query of many terms times their neighbours can exceed
   * Lucene's default limit of 1024 clauses (CISI's longest queries do).
   */
  private static final int MAX_CLAUSES = 1 << 16;

  private final TestCollection collection;
  private final Stemming stemming;
  private final Analyzer baseline;
  private final SearchIndex index;

  /**
   * Indexes {@code collection}, with {@code stemming} after {@link StandardEnglishAnalyzer}'s analysis, and runs BM25
   * once to warm the JIT, so that throughput is comparable.
   */
  public IrEvaluation(TestCollection collection, Stemming stemming) throws IOException {
    IndexSearcher.setMaxClauseCount(Math.max(IndexSearcher.getMaxClauseCount(), MAX_CLAUSES));
    this.collection = collection;
    this.stemming = stemming;
    this.baseline = stemming.after(new StandardEnglishAnalyzer());
    this.index = SearchIndex.build(collection.documents(), baseline);
    bm25();
  }

  public TestCollection collection() {
    return collection;
  }

  public SearchIndex index() {
    return index;
  }

  public TopicScores bm25() throws IOException {
    return score(QueryFormulation.of(new QueryBuilder(baseline)));
  }

  /** BM25 with RM3 feedback. */
  public TopicScores rm3() throws IOException {
    return score(new Rm3Feedback(index, new QueryBuilder(baseline)));
  }

  /**
   * The expanded query as Solr builds it with the analyzer of {@code method}, then this run's stemming, and the style
   * of {@code settings}.
   */
  public TopicScores expanded(ExpansionMethod method, QuerySettings settings) throws IOException {
    try (Analyzer analyzer = stemming.after(method.analyzer(settings.expansion()))) {
      return score(QueryFormulation.of(settings.style().builder(analyzer)));
    }
  }

  /** RM3 feedback starting from the expanded query and keeping its weighted expansions. */
  public TopicScores expandedWithRm3(ExpansionMethod method, QuerySettings settings) throws IOException {
    try (Analyzer analyzer = stemming.after(method.analyzer(settings.expansion()))) {
      return score(new Rm3Feedback(index, settings.style().builder(analyzer)));
    }
  }

  private TopicScores score(QueryFormulation formulation) throws IOException {
    return TopicScores.evaluate(collection, index, formulation);
  }

  @Override
  public void close() throws IOException {
    index.close();
    baseline.close();
  }
}
