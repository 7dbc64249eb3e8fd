package org.seqnlp.lucene.corpus;

import java.io.IOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** The terms an analysis makes of a text, as one line of words for a word-vector corpus. */
public final class AnalysedText {

  private AnalysedText() {}

  /** The terms {@code analysis} makes of {@code text} in {@code field}, in order, a space after each. */
  public static String of(Analyzer analysis, String field, String text) throws IOException {
    StringBuilder terms = new StringBuilder();
    try (TokenStream tokens = analysis.tokenStream(field, text)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        terms.append(term).append(' ');
      }
      tokens.end();
    }
    return terms.toString();
  }
}
