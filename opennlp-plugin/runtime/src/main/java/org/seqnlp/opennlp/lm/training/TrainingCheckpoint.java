package org.seqnlp.opennlp.lm.training;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.seqnlp.io.InputFormatException;
import org.seqnlp.io.OutputFiles;
import org.seqnlp.io.tensor.TensorBundle;
import org.seqnlp.io.tensor.TensorFile;
import org.seqnlp.opennlp.lm.RnnLanguageModel;
import org.seqnlp.vocabulary.Vocabulary;

/**
 * The work directory of a training run, from which it resumes: one file ({@value #CHECKPOINT}) holding
 * the weights, the vocabulary and the loop's state with the settings and the training file it belongs
 * to, and the best model so far. The checkpoint is written by one {@link OutputFiles#write}, so an
 * interrupted save leaves the previous checkpoint whole and never new weights with an old state. A
 * directory holding a run of other settings or another training file is refused, naming the difference.
 */
final class TrainingCheckpoint {

  static final String CHECKPOINT = "checkpoint.bin";
  static final String BEST = "best.zip";
  /** The file that marks a checkpoint of an earlier version, saved as three files that could disagree. */
  static final String OLD_STATE = "state.properties";
  private static final String VOCABULARY = "vocabulary";
  /** Prefix of the state's text values, so that they cannot collide with a weight's name. */
  private static final String STATE = "state.";
  private static final String TRAINING_FILE = "trainingFile";
  private static final String TRAINING_FILE_SIZE = "trainingFileSize";
  private static final String TRAINING_FILE_CRC = "trainingFileCrc32";

  private final Path directory;
  private final Path file;
  /** The settings and training file this run belongs to, in a fixed order for messages. */
  private final Map<String, String> identity = new LinkedHashMap<>();
  private final boolean exists;
  /** The checkpoint found in the directory until its weights are restored (then null, not to hold them twice). */
  private TensorBundle saved;

  /**
   * @param trainFile the training text, identified by its name, size and CRC-32
   * @throws IllegalArgumentException when the directory holds a run of other settings or training file,
   *     or a checkpoint of an earlier version
   * @throws InputFormatException when the checkpoint is damaged
   */
  TrainingCheckpoint(Path directory, LmTrainingSettings settings, Path trainFile) throws IOException {
    this.directory = directory;
    this.file = directory.resolve(CHECKPOINT);
    identity.putAll(settings.modelDefining());
    identity.put(TRAINING_FILE, trainFile.getFileName().toString());
    identity.put(TRAINING_FILE_SIZE, Long.toString(Files.size(trainFile)));
    identity.put(TRAINING_FILE_CRC, Long.toHexString(crc32(trainFile)));
    Files.createDirectories(directory);
    if (Files.exists(directory.resolve(OLD_STATE))) {
      throw new IllegalArgumentException(directory + " holds a checkpoint of an older SeqNLP version ("
          + OLD_STATE + "), which cannot be resumed: use another work directory");
    }
    exists = Files.exists(file);
    saved = exists ? TensorFile.read(file) : null;
    if (saved != null) {
      List<String> differences = new ArrayList<>();
      identity.forEach((key, value) -> {
        String was = saved.texts().get(STATE + key);
        if (!value.equals(was)) {
          differences.add(key + "=" + was + ", not " + value);
        }
      });
      if (!differences.isEmpty()) {
        throw new IllegalArgumentException(directory + " holds a checkpoint trained with "
            + String.join("; ", differences) + ": use another work directory");
      }
    }
  }

  private static long crc32(Path file) throws IOException {
    CRC32 crc = new CRC32();
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      int read;
      while ((read = in.read(buffer)) > 0) {
        crc.update(buffer, 0, read);
      }
    }
    return crc.getValue();
  }

  /** Whether a run was saved here. */
  boolean exists() {
    return exists;
  }

  /** The vocabulary saved here, or null; before {@link #restore}. */
  Vocabulary vocabulary() throws InputFormatException {
    if (saved == null) {
      return null;
    }
    try {
      return Vocabulary.of(saved.strings(VOCABULARY));
    } catch (IllegalArgumentException e) {
      throw saved.fail(VOCABULARY, "vocabulary: " + e.getMessage());
    }
  }

  /** The loop's state as saved by {@link #save}; only when {@link #exists()}, before {@link #restore}. */
  State state() {
    return new State(saved);
  }

  /** Sets {@code network}'s weights to the saved ones, once; only when {@link #exists()}. */
  void restore(TrainingNetwork network) {
    network.restore(saved.tensors(), file.toString());
    saved = null;
  }

  /** The best model saved here, or null. */
  RnnLanguageModel best() throws IOException {
    Path best = directory.resolve(BEST);
    return Files.exists(best) ? RnnLanguageModel.load(best) : null;
  }

  void saveBest(RnnLanguageModel model) throws IOException {
    model.save(directory.resolve(BEST));
  }

  /** Saves the weights, the vocabulary and the loop's {@code state} with this run's identity, as one file. */
  void save(Vocabulary vocabulary, TrainingNetwork network, Map<String, String> state) throws IOException {
    TensorBundle bundle = new TensorBundle();
    identity.forEach((key, value) -> bundle.addText(STATE + key, value));
    state.forEach((key, value) -> bundle.addText(STATE + key, value));
    bundle.addStrings(VOCABULARY, vocabulary.tokens());
    network.tensors().forEach(bundle::add);
    OutputFiles.write(file, out -> TensorFile.write(bundle, out));
  }

  /**
   * The loop's state in a checkpoint, each value read with its range checked: a damaged value is an
   * {@link InputFormatException} naming the checkpoint, where the value lies in it, and the key.
   */
  static final class State {
    private final TensorBundle bundle;

    private State(TensorBundle bundle) {
      this.bundle = bundle;
    }

    /** The value of {@code key}, a whole number in {@code min .. max}. */
    int integer(String key, int min, int max) throws InputFormatException {
      return (int) count(key, min, max);
    }

    /** The value of {@code key}, a whole number in {@code min .. max}. */
    long count(String key, long min, long max) throws InputFormatException {
      String text = text(key);
      try {
        long value = Long.parseLong(text);
        if (value >= min && value <= max) {
          return value;
        }
      } catch (NumberFormatException e) {
        // reported below with the range
      }
      throw bundle.fail(STATE + key, "state value " + key + " '" + text + "' is not a whole number in " + min
          + ".." + max);
    }

    /** The value of {@code key}, a number in {@code min .. max}; infinity only when {@code max} is. */
    double real(String key, double min, double max) throws InputFormatException {
      String text = text(key);
      try {
        double value = Double.parseDouble(text);
        if (value >= min && value <= max) {
          return value;
        }
      } catch (NumberFormatException e) {
        // reported below with the range
      }
      throw bundle.fail(STATE + key, "state value " + key + " '" + text + "' is not a number in " + min + ".."
          + max);
    }

    /** The text value of {@code key}. */
    String text(String key) throws InputFormatException {
      String text = bundle.texts().get(STATE + key);
      if (text == null) {
        throw bundle.fail(STATE + key, "no state value " + key);
      }
      return text;
    }
  }
}
