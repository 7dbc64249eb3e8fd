package org.seqnlp.eval.ir;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** Latency of analysing one query term, and indexing throughput, for an analysis chain. */
public final class ExpansionTiming {

  /** Distribution over terms of the time to analyse each one alone, in microseconds. */
  public record Latency(int terms, double medianMicros, double p90Micros, double maxMicros) {}

  private ExpansionTiming() {}

  /** The distinct terms the analysis leaves in the topics' text, in order of first occurrence. */
  public static List<String> queryTerms(List<TestCollection> collections, Analyzer analysis) throws IOException {
    Set<String> terms = new LinkedHashSet<>();
    for (TestCollection collection : collections) {
      for (Topic topic : collection.topics()) {
        terms.addAll(analyse(analysis, topic.text()));
      }
    }
    return new ArrayList<>(terms);
  }

  /**
   * Analyses each term alone, {@code repetitions} times after one warm-up pass over all terms, and takes
   * per term the fastest repetition (the least disturbed by other processes on a shared machine).
   */
  public static Latency perTerm(Analyzer analyzer, List<String> terms, int repetitions) throws IOException {
    for (String term : terms) {
      analyse(analyzer, term);
    }
    double[] micros = new double[terms.size()];
    for (int i = 0; i < terms.size(); i++) {
      long fastest = Long.MAX_VALUE;
      for (int r = 0; r < repetitions; r++) {
        long start = System.nanoTime();
        analyse(analyzer, terms.get(i));
        fastest = Math.min(fastest, System.nanoTime() - start);
      }
      micros[i] = fastest / 1e3;
    }
    Arrays.sort(micros);
    return new Latency(micros.length, quantile(micros, 0.5), quantile(micros, 0.9), micros[micros.length - 1]);
  }

  /** Documents indexed per second, analysed with {@code analyzer} (a fresh index; merge included). */
  public static double indexingDocumentsPerSecond(List<CollectionDocument> documents, Analyzer analyzer)
      throws IOException {
    try (SearchIndex index = SearchIndex.build(documents, analyzer)) {
      return documents.size() / (index.indexingNanos() / 1e9);
    }
  }

  private static List<String> analyse(Analyzer analyzer, String text) throws IOException {
    List<String> terms = new ArrayList<>();
    try (TokenStream tokens = analyzer.tokenStream(SearchIndex.FIELD, text)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        terms.add(term.toString());
      }
      tokens.end();
    }
    return terms;
  }

  private static double quantile(double[] sorted, double q) {
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  }
}
