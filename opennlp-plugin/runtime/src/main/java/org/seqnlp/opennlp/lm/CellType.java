package org.seqnlp.opennlp.lm;

/**
 * The recurrent cell of a language model, each computed by one class of {@code nn} for scoring and
 * training alike. RNN and LSTM keep DL4J's weight layouts, in which the first models were trained.
 */
public enum CellType {
  /** Elman RNN with tanh (DL4J {@code SimpleRnn}). */
  RNN,
  /** LSTM without peepholes (DL4J {@code LSTM}). */
  LSTM,
  /** Gated recurrent unit, the reset gate applied before the recurrent product ({@code nn.GruCell}). */
  GRU
}
