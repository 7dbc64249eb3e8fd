package org.seqnlp.eval.ir;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.seqnlp.lucene.corpus.StandardEnglishAnalyzer;
import org.seqnlp.lucene.expansion.SemanticExpansionAnalyzer;
import org.seqnlp.vectors.NeighbourLookup;

/**
 * Our filter as a plain Lucene user runs it: {@link SemanticExpansionAnalyzer}, whose chain before the
 * filter is {@link StandardEnglishAnalyzer}'s (standard tokenizer, lowercase, Lucene's English stop words).
 */
public final class SemanticExpansionMethod implements ExpansionMethod {

  /** Name in report tables. */
  public static final String NAME = "seqnlp";

  private final NeighbourLookup neighbours;

  public SemanticExpansionMethod(NeighbourLookup neighbours) {
    this.neighbours = neighbours;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Analyzer analyzer(ExpansionSettings settings) {
    return new SemanticExpansionAnalyzer(neighbours, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, settings.maxExpansions(),
        settings.minCosine(), settings.expansionWeight());
  }
}
