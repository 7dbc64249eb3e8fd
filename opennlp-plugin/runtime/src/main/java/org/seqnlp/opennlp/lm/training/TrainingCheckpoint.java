package org.seqnlp.opennlp.lm.training;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.CRC32;
import org.seqnlp.io.OutputFiles;
import org.seqnlp.opennlp.lm.RnnLanguageModel;
import org.seqnlp.vocabulary.Vocabulary;
import org.seqnlp.io.tensor.TensorFile;

/**
 * The work directory of a training run, from which it resumes: the weights ({@value #CHECKPOINT}), the
 * vocabulary, the best model so far and the loop's state with the settings and the training file it
 * belongs to. Every file is written through {@link OutputFiles#write}, so an interrupted save leaves the
 * previous checkpoint whole. A directory holding a run of other settings or another training file is
 * refused, naming the difference.
 */
final class TrainingCheckpoint {

  static final String CHECKPOINT = "checkpoint.bin";
  static final String BEST = "best.zip";
  static final String STATE = "state.properties";
  static final String VOCABULARY = "vocabulary.txt";
  private static final String TRAINING_FILE = "trainingFile";
  private static final String TRAINING_FILE_SIZE = "trainingFileSize";
  private static final String TRAINING_FILE_CRC = "trainingFileCrc32";

  private final Path directory;
  /** The settings and training file this run belongs to, in a fixed order for messages. */
  private final Map<String, String> identity = new LinkedHashMap<>();

  /**
   * @param trainFile the training text, identified by its name, size and CRC-32
   * @throws IllegalArgumentException when the directory holds a run of other settings or training file
   */
  TrainingCheckpoint(Path directory, LmTrainingSettings settings, Path trainFile) throws IOException {
    this.directory = directory;
    identity.putAll(settings.modelDefining());
    identity.put(TRAINING_FILE, trainFile.getFileName().toString());
    identity.put(TRAINING_FILE_SIZE, Long.toString(Files.size(trainFile)));
    identity.put(TRAINING_FILE_CRC, Long.toHexString(crc32(trainFile)));
    Files.createDirectories(directory);
    if (exists()) {
      Properties saved = state();
      List<String> differences = new ArrayList<>();
      identity.forEach((key, value) -> {
        if (!value.equals(saved.getProperty(key))) {
          differences.add(key + "=" + saved.getProperty(key) + ", not " + value);
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
    return Files.exists(directory.resolve(STATE));
  }

  /** The vocabulary saved here, or null. */
  Vocabulary vocabulary() throws IOException {
    Path file = directory.resolve(VOCABULARY);
    if (!Files.exists(file)) {
      return null;
    }
    try (InputStream in = Files.newInputStream(file)) {
      return Vocabulary.read(in, file.toString());
    }
  }

  /** The loop's state as saved by {@link #save}. */
  Properties state() throws IOException {
    Properties state = new Properties();
    try (InputStream in = Files.newInputStream(directory.resolve(STATE))) {
      state.load(in);
    }
    return state;
  }

  /** Sets {@code network}'s weights to the saved ones. */
  void restore(TrainingNetwork network) throws IOException {
    Path file = directory.resolve(CHECKPOINT);
    try (InputStream in = Files.newInputStream(file)) {
      network.restore(TensorFile.read(in, file.toString()), file.toString());
    }
  }

  /** The best model saved here, or null. */
  RnnLanguageModel best() throws IOException {
    Path file = directory.resolve(BEST);
    return Files.exists(file) ? RnnLanguageModel.load(file) : null;
  }

  void saveBest(RnnLanguageModel model) throws IOException {
    model.save(directory.resolve(BEST));
  }

  /** Saves the vocabulary (once), the weights, then the loop's {@code state} with this run's identity. */
  void save(Vocabulary vocabulary, TrainingNetwork network, Map<String, String> state) throws IOException {
    Path vocabularyFile = directory.resolve(VOCABULARY);
    if (!Files.exists(vocabularyFile)) {
      OutputFiles.write(vocabularyFile, vocabulary::write);
    }
    OutputFiles.write(directory.resolve(CHECKPOINT), out -> TensorFile.write(network.tensors(), out));
    Properties properties = new Properties();
    properties.putAll(identity);
    properties.putAll(state);
    OutputFiles.write(directory.resolve(STATE), out -> properties.store(out, "language-model training checkpoint"));
  }
}
