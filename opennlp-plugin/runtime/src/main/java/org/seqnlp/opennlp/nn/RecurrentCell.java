package org.seqnlp.opennlp.nn;

/**
 * One recurrent layer run a time step at a time, over weights trained elsewhere (DL4J or the plain-Java
 * language-model trainer), with the state kept by the caller: what a language model needs to score and
 * sample token by token.
 *
 * <p>The state is a flat {@code float[stateSize()]} whose first {@link #hidden()} entries are the
 * layer's output h<sub>t</sub>; cells with more state (the LSTM's memory cell) keep it after that. A
 * zero array is the initial state.
 */
public interface RecurrentCell {

  int inputSize();

  int hidden();

  /** Length of the state array: {@code hidden()} for a plain RNN and a GRU, twice that for an LSTM. */
  int stateSize();

  /**
   * Advances one time step: reads {@code input} (length {@link #inputSize()}) and {@code state}, writes
   * the next state into {@code next}. {@code state} and {@code next} must be different arrays.
   */
  void step(float[] input, float[] state, float[] next);
}
