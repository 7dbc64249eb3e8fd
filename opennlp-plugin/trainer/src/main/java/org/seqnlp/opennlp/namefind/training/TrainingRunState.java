package org.seqnlp.opennlp.namefind.training;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;
import opennlp.tools.util.TrainingParameters;
import org.seqnlp.io.InputFormatException;
import org.seqnlp.io.OutputFiles;
import org.seqnlp.io.tensor.TensorBundle;
import org.seqnlp.io.tensor.TensorFile;
import org.seqnlp.opennlp.namefind.gazetteer.Gazetteer;
import org.seqnlp.opennlp.namefind.network.BiLstmCrfNetwork;
import org.seqnlp.opennlp.namefind.network.BiLstmCrfNetworkFormat;
import org.seqnlp.vectors.WordVectors;

/**
 * The state of a training run after an epoch, kept beside its checkpoint ({@code CHECKPOINT.state}) until the run
 * ends, so that the same training, started again after an interruption, resumes after that epoch: every trained
 * array with its optimiser's state, the epoch, the early-stopping state and the best network, in one {@code
 * TensorFile} written by one {@link OutputFiles#write}, so that an interrupted save leaves the previous state whole.
 *
 * <p>A state belongs to the settings it was saved with (but {@code Epochs} and {@code Patience}, which a resumed run
 * may change), to the training sentences, the labels, the word vectors, the gazetteers' lists and the development
 * data; a state of other ones is refused, naming the difference, rather than continued with data it was not
 * trained on.
 */
final class TrainingRunState {

  /** Appended to the checkpoint's file name. */
  static final String SUFFIX = ".state";
  private static final String IDENTITY = "identity.";
  private static final String BEST = "best/";
  private static final String LABELS = "labels";
  private static final String EPOCH = "epoch";
  private static final String STEPS = "steps";
  private static final String BEST_SCORE = "best-score";
  private static final String EPOCHS_WITHOUT_GAIN = "epochs-without-gain";
  private static final String AFRESH = "; delete it to start afresh";

  private final Path file;
  private final Map<String, String> identity;

  /** What a saved state holds besides the trained arrays, which {@link #resume} puts back in place. */
  record Resumed(int epoch, BiLstmCrfNetwork best, double bestScore, int epochsWithoutGain) {}

  /**
   * @param identity what the run belongs to ({@link #identity}); a saved state of another is refused
   */
  TrainingRunState(Path checkpoint, Map<String, String> identity) {
    this.file = fileFor(checkpoint);
    this.identity = new LinkedHashMap<>(identity);
  }

  /** Where the state of a run checkpointed to {@code checkpoint} is kept. */
  static Path fileFor(Path checkpoint) {
    return checkpoint.resolveSibling(checkpoint.getFileName() + SUFFIX);
  }

  /**
   * What a run belongs to: its settings but {@code Epochs}, {@code Patience}, {@code Checkpoint} and the
   * {@code Gazetteers}' paths, its labels, and digests of its training sentences (copies included), word vectors,
   * gazetteer lists and development data.
   */
  static Map<String, String> identity(TrainingSettings settings, List<String> labels, List<LabeledSentence> sentences,
      WordVectors vectors, Gazetteer gazetteer, String development) {
    Map<String, String> identity = new LinkedHashMap<>();
    TrainingParameters parameters = settings.parameters();
    new TreeMap<>(parameters.getObjectSettings()).forEach((key, value) -> {
      // The gazetteers' paths may move: their lists are compared by content below.
      if (!key.equals(TrainingSettings.EPOCHS) && !key.equals(TrainingSettings.PATIENCE)
          && !key.equals(TrainingSettings.CHECKPOINT) && !key.equals(TrainingSettings.GAZETTEERS)) {
        identity.put(key, String.valueOf(value));
      }
    });
    identity.put(LABELS, String.join(" ", labels));
    CRC32 crc = new CRC32();
    for (LabeledSentence sentence : sentences) {
      for (int t = 0; t < sentence.length(); t++) {
        update(crc, sentence.tokens()[t]);
        crc.update(sentence.labels()[t]);
      }
      crc.update('\n');
    }
    identity.put("training-sentences", sentences.size() + " sentences, CRC-32 " + Long.toHexString(crc.getValue()));
    identity.put("word-vectors", vectors == null ? "none" : digest(vectors));
    identity.put("gazetteer", gazetteer == null ? "none" : digest(gazetteer));
    identity.put("development-data", development == null ? "none" : development);
    return identity;
  }

  private static void update(CRC32 crc, String text) {
    crc.update(text.getBytes(StandardCharsets.UTF_8));
    crc.update(0);
  }

  private static String digest(WordVectors vectors) {
    CRC32 crc = new CRC32();
    byte[] value = new byte[4];
    for (int row = 0; row < vectors.size(); row++) {
      update(crc, vectors.word(row));
      for (int d = 0; d < vectors.dimension(); d++) {
        int bits = Float.floatToIntBits(vectors.get(row, d));
        value[0] = (byte) (bits >>> 24);
        value[1] = (byte) (bits >>> 16);
        value[2] = (byte) (bits >>> 8);
        value[3] = (byte) bits;
        crc.update(value);
      }
    }
    return vectors.size() + " x " + vectors.dimension() + ", CRC-32 " + Long.toHexString(crc.getValue());
  }

  private static String digest(Gazetteer gazetteer) {
    CRC32 crc = new CRC32();
    int entries = 0;
    for (String type : gazetteer.types()) {
      update(crc, type);
      for (String entry : gazetteer.entries(type)) {
        update(crc, entry);
        entries++;
      }
    }
    return entries + " entries, CRC-32 " + Long.toHexString(crc.getValue());
  }

  /** Whether a state was saved. */
  boolean exists() {
    return Files.exists(file);
  }

  /**
   * Puts the saved arrays back into {@code trainer} and returns the rest of the state.
   *
   * @throws IllegalArgumentException when the state belongs to another run, naming the difference
   * @throws InputFormatException when the file is damaged, or its arrays do not fit the network being trained
   */
  Resumed resume(BatchTrainer trainer) throws IOException {
    try {
      return resume(TensorFile.read(file), trainer);
    } catch (InputFormatException e) {
      throw e.isByteOffset()
          ? InputFormatException.atByte(e.source(), e.position(), e.problem() + AFRESH, e)
          : InputFormatException.atLine(e.source(), e.position(), e.problem() + AFRESH, e);
    }
  }

  private Resumed resume(TensorBundle state, BatchTrainer trainer) throws IOException {
    List<String> differences = new ArrayList<>();
    identity.forEach((key, value) -> {
      String was = state.texts().get(IDENTITY + key);
      if (!value.equals(was)) {
        differences.add(key + " " + (was == null ? "not recorded" : "was " + was) + ", is " + value);
      }
    });
    if (!differences.isEmpty()) {
      throw new IllegalArgumentException(file + " holds the state of another training run (" + String.join("; ",
          differences) + ")" + AFRESH + ", or give another " + TrainingSettings.CHECKPOINT);
    }
    for (String key : identity.keySet()) {
      state.text(IDENTITY + key);
    }
    int epoch = state.integer(EPOCH, 1, TrainingSettings.MAX_EPOCHS);
    int steps = state.integer(STEPS, 1, Integer.MAX_VALUE);
    int epochsWithoutGain = state.integer(EPOCHS_WITHOUT_GAIN, 0, epoch);
    String scoreText = state.text(BEST_SCORE);
    double bestScore;
    try {
      bestScore = Double.parseDouble(scoreText);
    } catch (NumberFormatException e) {
      bestScore = Double.NaN;
    }
    if (Double.isNaN(bestScore) || bestScore == Double.POSITIVE_INFINITY) {
      throw state.fail(BEST_SCORE, BEST_SCORE + " '" + scoreText + "' is not a score");
    }
    BiLstmCrfNetwork best = BiLstmCrfNetworkFormat.fromBundle(state.part(BEST));
    if (!String.join(" ", best.labels()).equals(identity.get(LABELS))) {
      throw state.fail(BEST + "labels", "the best network's labels " + best.labels() + " are not the run's");
    }
    trainer.restore(state, steps);
    state.requireAllTaken("a name-finder training state");
    return new Resumed(epoch, best, bestScore, epochsWithoutGain);
  }

  /**
   * Deletes the state of a run that has ended: the next training with the same checkpoint, such as the next fold of
   * a cross-validation, starts afresh.
   */
  void finish() throws IOException {
    Files.deleteIfExists(file);
  }

  /** Saves the state after {@code epoch}, replacing the one before. */
  void save(int epoch, BatchTrainer trainer, BiLstmCrfNetwork best, double bestScore, int epochsWithoutGain)
      throws IOException {
    TensorBundle state = new TensorBundle();
    identity.forEach((key, value) -> state.addText(IDENTITY + key, value));
    state.addText(EPOCH, Integer.toString(epoch));
    state.addText(STEPS, Integer.toString(trainer.steps()));
    state.addText(BEST_SCORE, Double.toString(bestScore));
    state.addText(EPOCHS_WITHOUT_GAIN, Integer.toString(epochsWithoutGain));
    state.addAll(BEST, BiLstmCrfNetworkFormat.toBundle(best));
    trainer.save(state);
    OutputFiles.write(file, out -> TensorFile.write(state, out));
  }
}
