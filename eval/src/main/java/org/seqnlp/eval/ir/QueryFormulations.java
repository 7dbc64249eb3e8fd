package org.seqnlp.eval.ir;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostAttribute;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

/** The ways the evaluation turns topic text into queries. */
public final class QueryFormulations {

  private QueryFormulations() {}

  /**
   * One optional clause per analysed position, as Lucene's {@link QueryBuilder} makes it: a plain term
   * query, or, where a filter put synonyms at the same position, one {@code SynonymQuery} over the
   * term and its synonyms, each weighted by its {@link BoostAttribute}.
   */
  public static QueryFormulation analyzed(Analyzer analyzer) {
    QueryBuilder builder = new QueryBuilder(analyzer);
    return text -> orNothing(builder.createBooleanQuery(SearchIndex.FIELD, text));
  }

  /**
   * The unexpanded query, untouched, plus one more optional clause holding only the expansion terms
   * (tokens typed {@code SYNONYM}), weighted all together by {@code expansionWeight}; so original terms
   * keep their BM25 weight and expansion can only add. Each expansion term is boosted by its own
   * similarity boost, or, when {@code sharedPerTerm}, by its share of the boosts of the expansions of the
   * same query term, so that a term's expansions together weigh {@code expansionWeight} of one term
   * however many there are.
   */
  public static QueryFormulation interpolated(Analyzer original, Analyzer expanding, float expansionWeight,
      boolean sharedPerTerm) {
    QueryFormulation base = analyzed(original);
    return text -> {
      Query originalQuery = base.formulate(text);
      BooleanQuery expansion = expansionTerms(expanding, text, sharedPerTerm);
      if (expansion.clauses().isEmpty()) {
        return originalQuery;
      }
      return new BooleanQuery.Builder()
          .add(originalQuery, BooleanClause.Occur.SHOULD)
          .add(new BoostQuery(expansion, expansionWeight), BooleanClause.Occur.SHOULD)
          .build();
    };
  }

  private static BooleanQuery expansionTerms(Analyzer expanding, String text, boolean sharedPerTerm)
      throws IOException {
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    List<String> terms = new ArrayList<>();
    List<Float> boosts = new ArrayList<>();
    try (TokenStream tokens = expanding.tokenStream(SearchIndex.FIELD, text)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      TypeAttribute type = tokens.addAttribute(TypeAttribute.class);
      BoostAttribute boost = tokens.addAttribute(BoostAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        if (SynonymGraphFilter.TYPE_SYNONYM.equals(type.type())) {
          terms.add(term.toString());
          boosts.add(boost.getBoost());
        } else {
          addExpansions(query, terms, boosts, sharedPerTerm); // the previous term's, if any
        }
      }
      tokens.end();
    }
    addExpansions(query, terms, boosts, sharedPerTerm);
    return query.build();
  }

  /** Adds one query term's expansions to {@code query} and clears the lists. */
  private static void addExpansions(BooleanQuery.Builder query, List<String> terms, List<Float> boosts,
      boolean sharedPerTerm) {
    double total = sharedPerTerm ? boosts.stream().mapToDouble(Float::doubleValue).sum() : 1;
    for (int i = 0; i < terms.size(); i++) {
      Query termQuery = new TermQuery(new Term(SearchIndex.FIELD, terms.get(i)));
      query.add(new BoostQuery(termQuery, (float) (boosts.get(i) / total)), BooleanClause.Occur.SHOULD);
    }
    terms.clear();
    boosts.clear();
  }

  private static Query orNothing(Query query) {
    return query == null ? new MatchNoDocsQuery("no terms left after analysis") : query;
  }
}
