package org.seqnlp.eval.ir;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostAttribute;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

/**
 * Pseudo-relevance feedback by RM3 as Anserini implements it ({@code Rm3Reranker}), at its defaults:
 * the top {@value #FEEDBACK_DOCUMENTS} documents of a first search give a relevance model of
 * {@value #FEEDBACK_TERMS} terms, which is mixed half and half ({@value #ORIGINAL_QUERY_WEIGHT}) with
 * the query's own term distribution; the mixture, one boosted term per clause, is the final query.
 *
 * <p>The first search is the query the given builder makes (as Solr would with the builder's synonym
 * style); the builder's analyzer also gives the query's term distribution: its terms,
 * each counting by its boost and scaled to sum to one, as in Anserini, plus the tokens stacked on them
 * (position increment 0: our filter's expansions) by their boosts on the same scale. With the retrieval
 * analysis alone that is Anserini's RM3 over BM25. With our expansion filter, feedback starts from the
 * expanded query, and the expansions are added beside the query's terms as the Solr query adds them, so
 * that the terms keep the weight RM3 gives them.
 */
public final class Rm3Feedback implements QueryFormulation {

  static final int FEEDBACK_DOCUMENTS = 10;
  static final int FEEDBACK_TERMS = 10;
  static final double ORIGINAL_QUERY_WEIGHT = 0.5;
  /**
   * Anserini's stand-in for a stop list: terms in more than this share of the documents are never
   * feedback terms, nor are terms outside {@link #FEEDBACK_TERM}.
   */
  private static final double MAX_DOCUMENT_SHARE = 0.1;
  private static final Pattern FEEDBACK_TERM = Pattern.compile("[a-z0-9]{2,20}");

  private final SearchIndex index;
  private final Analyzer queryAnalyzer;
  private final QueryFormulation firstSearch;

  /** @param firstSearch builds the first query; its analyzer also gives the query's term distribution */
  public Rm3Feedback(SearchIndex index, QueryBuilder firstSearch) {
    this.index = index;
    this.queryAnalyzer = firstSearch.getAnalyzer();
    this.firstSearch = QueryFormulation.of(firstSearch);
  }

  @Override
  public Query formulate(String text) throws IOException {
    Map<String, Double> query = queryModel(text);
    if (query.isEmpty()) {
      return new MatchNoDocsQuery("no terms left after analysis");
    }
    Map<String, Double> relevance = relevanceModel(index.top(firstSearch.formulate(text), FEEDBACK_DOCUMENTS));
    Map<String, Double> mixture = new TreeMap<>();
    query.forEach((term, weight) -> mixture.merge(term, ORIGINAL_QUERY_WEIGHT * weight, Double::sum));
    relevance.forEach((term, weight) -> mixture.merge(term, (1 - ORIGINAL_QUERY_WEIGHT) * weight, Double::sum));
    BooleanQuery.Builder feedbackQuery = new BooleanQuery.Builder();
    mixture.forEach((term, weight) -> feedbackQuery.add(
        new BoostQuery(new TermQuery(new Term(SearchIndex.FIELD, term)), weight.floatValue()),
        BooleanClause.Occur.SHOULD));
    return feedbackQuery.build();
  }

  /**
   * The query's term distribution: each term's tokens' boosts, over the boosts of all tokens that start a
   * position; tokens stacked on a position add their boosts on that scale, so the weights sum to one
   * plus the expansions' share.
   */
  private Map<String, Double> queryModel(String text) throws IOException {
    Map<String, Double> weights = new LinkedHashMap<>();
    double terms = 0;
    try (TokenStream tokens = queryAnalyzer.tokenStream(SearchIndex.FIELD, text)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute increment = tokens.addAttribute(PositionIncrementAttribute.class);
      BoostAttribute boost = tokens.addAttribute(BoostAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        weights.merge(term.toString(), (double) boost.getBoost(), Double::sum);
        if (increment.getPositionIncrement() > 0) {
          terms += boost.getBoost();
        }
      }
      tokens.end();
    }
    double scale = terms;
    weights.replaceAll((term, weight) -> weight / scale);
    return weights;
  }

  /**
   * P(term | relevant) estimated from the feedback documents: each document's top terms by frequency,
   * as a distribution, weighted by the document's retrieval score; cut to the top terms and rescaled.
   */
  private Map<String, Double> relevanceModel(ScoreDoc[] feedback) throws IOException {
    Map<String, Double> model = new LinkedHashMap<>();
    for (ScoreDoc document : feedback) {
      Map<String, Double> terms = top(feedbackTerms(document.doc), FEEDBACK_TERMS);
      double length = terms.values().stream().mapToDouble(Double::doubleValue).sum();
      if (length > 0) {
        terms.forEach((term, frequency) -> model.merge(term, frequency / length * document.score, Double::sum));
      }
    }
    return unitSum(top(model, FEEDBACK_TERMS));
  }

  private Map<String, Double> feedbackTerms(int doc) throws IOException {
    Map<String, Double> terms = new LinkedHashMap<>();
    int documents = index.documentCount();
    for (Map.Entry<String, Integer> term : index.termFrequencies(doc).entrySet()) {
      if (FEEDBACK_TERM.matcher(term.getKey()).matches()
          && index.documentFrequency(term.getKey()) <= MAX_DOCUMENT_SHARE * documents) {
        terms.put(term.getKey(), term.getValue().doubleValue());
      }
    }
    return terms;
  }

  /** The {@code n} heaviest entries; among equal weights the earlier (in iteration order) first. */
  private static Map<String, Double> top(Map<String, Double> weights, int n) {
    List<Map.Entry<String, Double>> entries = new ArrayList<>(weights.entrySet());
    entries.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()));
    Map<String, Double> top = new LinkedHashMap<>();
    for (Map.Entry<String, Double> entry : entries.subList(0, Math.min(n, entries.size()))) {
      top.put(entry.getKey(), entry.getValue());
    }
    return top;
  }

  private static Map<String, Double> unitSum(Map<String, Double> weights) {
    double sum = weights.values().stream().mapToDouble(Double::doubleValue).sum();
    Map<String, Double> scaled = new LinkedHashMap<>();
    weights.forEach((term, weight) -> scaled.put(term, weight / sum));
    return scaled;
  }
}
