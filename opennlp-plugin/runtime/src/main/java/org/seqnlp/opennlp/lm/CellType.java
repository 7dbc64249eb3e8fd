package org.seqnlp.opennlp.lm;

/**
 * The recurrent cell of a language model. RNN and LSTM models can be trained with DL4J; GRU models only
 * with the plain-Java trainer, because DL4J 1.0.0-M2.1 has no GRU layer for {@code MultiLayerNetwork}.
 */
public enum CellType {
  /** Elman RNN with tanh (DL4J {@code SimpleRnn}). */
  RNN,
  /** LSTM without peepholes (DL4J {@code LSTM}). */
  LSTM,
  /** Gated recurrent unit, the reset gate applied before the recurrent product ({@code nn.GruCell}). */
  GRU
}
