package org.seqnlp.eval.ir;

import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.TokenStream;

/** A query-expansion token filter over one set of word vectors, made at given settings. */
public interface ExpansionMethod {

  /** Short name for tables, e.g. {@code seqnlp} or {@code lucene-w2v}. */
  String name();

  /** Wraps a token stream in the filter. */
  UnaryOperator<TokenStream> filter(ExpansionSettings settings);
}
