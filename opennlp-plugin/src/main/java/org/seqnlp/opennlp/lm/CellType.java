package org.seqnlp.opennlp.lm;

/**
 * The recurrent cell of a language model. GRU is absent because DL4J 1.0.0-M2.1, which trains these
 * models, has no GRU layer for {@code MultiLayerNetwork}.
 */
public enum CellType {
  /** Elman RNN with tanh (DL4J {@code SimpleRnn}). */
  RNN,
  /** LSTM without peepholes (DL4J {@code LSTM}). */
  LSTM
}
