package org.seqnlp.eval.ir;

import java.io.IOException;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;

/** Turns a topic's text into the Lucene query run against {@link SearchIndex#FIELD}. */
@FunctionalInterface
public interface QueryFormulation {

  Query formulate(String text) throws IOException;

  /**
   * The query {@code builder} makes of the text with its analyzer, one optional clause per position, as
   * Solr's standard parser does for a run of bare words; a query with no terms left matches nothing.
   */
  static QueryFormulation of(QueryBuilder builder) {
    return text -> {
      Query query = builder.createBooleanQuery(SearchIndex.FIELD, text);
      return query == null ? new MatchNoDocsQuery("no terms left after analysis") : query;
    };
  }
}
