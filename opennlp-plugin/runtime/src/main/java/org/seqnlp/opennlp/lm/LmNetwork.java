package org.seqnlp.opennlp.lm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A language model being trained, whichever engine computes it: what {@link RnnLmTrainer}'s loop of
 * segments, validations and checkpoints needs.
 */
interface LmNetwork extends AutoCloseable {

  /**
   * Trains on positions {@code [from, from + length)} of every row of {@code stream} cut into {@code rows}
   * rows, continuing the recurrent state of the previous call when it ended at {@code from}.
   */
  void fit(int[] stream, int rows, int from, int length);

  void setLearningRate(double learningRate);

  void saveCheckpoint(Path file) throws IOException;

  void restoreCheckpoint(Path file) throws IOException;

  /** A copy of the current weights as a plain-Java model. */
  RnnLanguageModel toLanguageModel(Vocabulary vocabulary, Map<String, String> trainingInfo);

  @Override
  void close();
}
