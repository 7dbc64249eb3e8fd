package org.seqnlp.lucene.expansion;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;

/**
 * A {@link QueryBuilder} that queries the tokens at one position as distinct terms: one optional
 * clause per token, a {@link org.apache.lucene.search.TermQuery} boosted by the token's {@link
 * org.apache.lucene.search.BoostAttribute}, where Lucene's default makes one {@link
 * org.apache.lucene.search.SynonymQuery}. It builds exactly the query Solr builds for a field type
 * with {@code synonymQueryStyle="as_distinct_terms"}, so that plain Lucene users of {@link
 * SemanticExpansionFilter} get what Solr users get: the original terms at full weight plus their
 * weighted expansions.
 */
public final class DistinctTermsQueryBuilder extends QueryBuilder {

  public DistinctTermsQueryBuilder(Analyzer analyzer) {
    super(analyzer);
  }

  @Override
  protected Query newSynonymQuery(String field, TermAndBoost[] terms) {
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    for (TermAndBoost term : terms) {
      query.add(newTermQuery(new Term(field, term.term), term.boost), BooleanClause.Occur.SHOULD);
    }
    return query.build();
  }
}
